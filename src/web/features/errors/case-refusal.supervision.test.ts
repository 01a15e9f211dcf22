// A team member refused one supervision's page is told who may read it, not sent to the lead
// professional, who cannot grant it (docs/domain.md, "Supervision of a case").
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { makeCase, makeOrganisation, makeUser } from '../../../../test/helpers/factories.ts';
import { dateFields, qaElement, summaryErrors, textOf } from '../../../../test/helpers/html.ts';
import { createTestApp, type TestApp } from '../../../../test/helpers/test-app.ts';
import { WebClient } from '../../../../test/helpers/web-client.ts';
import { serviceToday } from '../../../domain/shared/service-day.ts';

describe('the refusal of a supervision record', () => {
  let t: TestApp;
  let caseId: string;
  let supervisionId: string;
  let officer: WebClient;
  let officerId: string;

  before(async () => {
    t = await createTestApp();
    const health = await makeOrganisation(t.ctx, 'health-visiting');
    const police = await makeOrganisation(t.ctx, 'police');
    const hv = await makeUser(t.ctx, { name: 'Hana Visitor', organisationId: health.id });
    const manager = await makeUser(t.ctx, { name: 'Mona Manager', role: 'manager', organisationId: health.id });
    const officerUser = await makeUser(t.ctx, { name: 'Pat Officer', organisationId: police.id });
    officerId = officerUser.id;
    ({ id: caseId } = await makeCase(t.ctx, { familyName: 'Supervised', teamUserIds: [hv.id, officerUser.id] }));
    const recorded = await (await WebClient.signedIn(t.app, hv)).post(`/cases/${caseId}/supervision/new`, {
      ...dateFields('heldOn', serviceToday(t.clock.now())),
      practitionerId: hv.id,
      supervisorId: manager.id,
      'answer-script': 'Mother says she has stopped drinking.',
      'answer-missing-voices': 'The father: not yet met.',
      'answer-unthinkable': 'That she drinks while caring for the baby alone.',
      'answer-changed': 'The baby was seen twice.',
      stuck: 'no',
      'answer-stuck': 'Nothing is stuck.',
      analysis: 'The account is untested.',
      decisions: 'Meet the father.',
    });
    assert.equal(recorded.statusCode, 303, summaryErrors(recorded.body).join('; '));
    const row = await t.ctx.db.selectFrom('case_supervisions').select('id').where('case_id', '=', caseId).executeTakeFirstOrThrow();
    supervisionId = row.id;
    officer = await WebClient.signedIn(t.app, officerUser);
  });
  after(async () => t.close());

  it('names who may read it and does not send the officer to the lead professional, audited', async () => {
    const page = await officer.get(`/cases/${caseId}/supervision/${supervisionId}`);
    assert.equal(page.statusCode, 403);
    const words = textOf(qaElement(page.body, 'case-contact'));
    assert.match(words, /can be read only by the practitioner supervised, their supervisor and a safeguarding lead/);
    assert.match(words, /Nobody can give you access to it/);
    assert.doesNotMatch(page.body, /contact the lead professional/);
    assert.doesNotMatch(page.body, /not yet met/);
    const audited = await t.ctx.db.selectFrom('audit_log').select('id').where('actor_user_id', '=', officerId).where('action', '=', 'supervision.view').where('outcome', '=', 'denied').execute();
    assert.equal(audited.length, 1);
  });
});
