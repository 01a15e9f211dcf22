// Another agency's answer for all its items at once, through the use case: the decisions written,
// those marked for another reason too left to the officer, each case audited; refusals of anyone
// but the answering organisation's officer, of a wrong form and of a released request, audited with
// nothing changed; and the officer still deciding one item by hand afterwards.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { actorFor } from '../../../test/helpers/factories.ts';
import { createTestApp, type TestApp } from '../../../test/helpers/test-app.ts';
import { serviceToday } from '../../domain/shared/service-day.ts';
import { recordAgencyAnswer } from './agency-answer.ts';
import { decideRedaction, viewDraft } from './draft.ts';
import { releaseDisclosure } from './release.ts';
import { createRequest } from './requests.ts';
import { MOTHER_NHS, seedSubjectAccessFamily, type SubjectAccessFamily } from './subject-access.test-support.ts';

describe('another agency’s answer for all its items in a subject access request', () => {
  let t: TestApp;
  let f: SubjectAccessFamily;
  let requestId: string;
  let policeMother: string;
  const key = (entryId: string) => `entry:${f.caseId}/${entryId}`;
  const decisions = async () => Object.fromEntries((await t.ctx.db.selectFrom('subject_access_redactions').select(['item_key', 'decision']).where('request_id', '=', requestId).execute()).map((d) => [d.item_key, d.decision]));
  const audits = async () => (await t.ctx.db.selectFrom('audit_log').select(['outcome', 'case_id', 'details']).where('action', '=', 'subject-access.agency-answer').orderBy('seq').execute()).map((a) => [a.outcome, a.case_id, a.details]);

  before(async () => {
    t = await createTestApp();
    f = await seedSubjectAccessFamily(t.ctx);
    policeMother = await f.entry(f.police, 'Mother reported a lost purse at the station.', [f.mother.id], 'agency-record');
    const made = await createRequest(t.ctx, actorFor(f.officer), { nhsNumber: MOTHER_NHS, receivedOn: serviceToday(t.clock.now()) });
    assert.ok(made.ok);
    requestId = made.value.id;
  });
  after(async () => t.close());

  it('refuses the team, another organisation’s officer and a wrong form, audited, deciding nothing', async () => {
    const typed = { agency: f.police.id, answer: 'agreed', reason: 'Agreed' };
    assert.equal((await recordAgencyAnswer(t.ctx, actorFor(f.practitioner), requestId, typed)).ok, false);
    assert.equal((await recordAgencyAnswer(t.ctx, actorFor(f.otherOfficer), requestId, typed)).ok, false);
    const wrong = await recordAgencyAnswer(t.ctx, actorFor(f.officer), requestId, { agency: f.council.id, answer: '', reason: '' });
    assert.deepEqual(!wrong.ok && wrong.code === 'invalid' && wrong.problems.map((p) => p.field), ['agency', 'answer', 'reason']);
    assert.deepEqual(await decisions(), {});
    assert.deepEqual((await audits()).map(([outcome, caseId]) => [outcome, caseId]), [['denied', null], ['denied', null], ['failure', null]]);
  });

  it('on the police’s agreement discloses its entry about the mother alone and leaves the one about the father to the officer, audited for the case', async () => {
    const agreed = await recordAgencyAnswer(t.ctx, actorFor(f.officer), requestId, { agency: f.police.id, answer: 'agreed', reason: 'Sgt Ash agreed by email on 1 December' });
    assert.ok(agreed.ok, JSON.stringify(agreed));
    assert.deepEqual(agreed.value, { agencyName: 'Riverside Police', answer: 'agreed', decided: 1, left: 1, unreviewed: 3 });
    assert.deepEqual(await decisions(), { [key(policeMother)]: 'disclose' });
    assert.deepEqual((await audits()).at(-1), ['success', f.caseId, { agency: f.police.id, answer: 'agreed', decided: 1, left: 1 }]);
    const draft = await viewDraft(t.ctx, actorFor(f.officer), requestId);
    assert.ok(draft.ok);
    assert.match(draft.value.items.find((i) => i.key === key(policeMother))!.decision!.reason, /^Riverside Police agreed to its disclosure: Sgt Ash/);
  });

  it('on a later refusal redacts all its items, the father’s too; the officer can still decide one by hand; once released it is refused', async () => {
    const refused = await recordAgencyAnswer(t.ctx, actorFor(f.officer), requestId, { agency: f.police.id, answer: 'refused', reason: 'An investigation has opened' });
    assert.ok(refused.ok);
    assert.deepEqual([refused.value.decided, refused.value.left, refused.value.unreviewed], [2, 0, 2]);
    assert.deepEqual(await decisions(), { [key(policeMother)]: 'redact', [key(f.entries.police)]: 'redact' });
    assert.ok((await decideRedaction(t.ctx, actorFor(f.officer), requestId, { itemKey: key(policeMother), decision: 'disclose', reason: 'The mother’s own report' })).ok);
    assert.equal((await decisions())[key(policeMother)], 'disclose');

    const draft = await viewDraft(t.ctx, actorFor(f.officer), requestId);
    assert.ok(draft.ok);
    for (const item of draft.value.items.filter((i) => i.grounds.length > 0 && !i.decision)) assert.ok((await decideRedaction(t.ctx, actorFor(f.officer), requestId, { itemKey: item.key, decision: 'redact', reason: 'Third party' })).ok);
    assert.ok((await releaseDisclosure(t.ctx, actorFor(f.officer), requestId)).ok);
    const late = await recordAgencyAnswer(t.ctx, actorFor(f.officer), requestId, { agency: f.police.id, answer: 'agreed', reason: 'Changed its mind' });
    assert.equal(!late.ok && late.code, 'conflict');
    assert.deepEqual((await audits()).at(-1), ['failure', null, { reason: 'released' }]);
  });
});
