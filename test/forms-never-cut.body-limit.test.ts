// A form pasted far past a field's limit is read (the form body limit is 1 MiB, src/app.ts) and refused
// by that field's own limit, worded with the count typed, with everything typed given back; a body
// past 1 MiB gets a page saying what happened and to go back, never the generic "could not read" page.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { makeCase, makeOrganisation, makeUser } from './helpers/factories.ts';
import { dateFields, summaryErrors } from './helpers/html.ts';
import { createTestApp, type TestApp } from './helpers/test-app.ts';
import { WebClient } from './helpers/web-client.ts';
import { serviceToday } from '../src/domain/shared/service-day.ts';

describe('a form pasted far past its limits', () => {
  let t: TestApp;
  let caseId: string;
  let hv: WebClient;
  let form: (analysis: string) => Record<string, string>;

  before(async () => {
    t = await createTestApp();
    const health = await makeOrganisation(t.ctx, 'health-visiting');
    const visitor = await makeUser(t.ctx, { name: 'Hana Visitor', organisationId: health.id });
    const manager = await makeUser(t.ctx, { name: 'Mona Manager', role: 'manager', organisationId: health.id });
    ({ id: caseId } = await makeCase(t.ctx, { familyName: 'Pasted', teamUserIds: [visitor.id] }));
    hv = await WebClient.signedIn(t.app, visitor);
    form = (analysis) => ({
      ...dateFields('heldOn', serviceToday(t.clock.now())),
      practitionerId: visitor.id,
      supervisorId: manager.id,
      'answer-script': 'Mother says she has stopped drinking.',
      'answer-missing-voices': 'The father: not yet met.',
      'answer-unthinkable': 'That she drinks while caring for the baby alone.',
      'answer-changed': 'The baby was seen twice.',
      stuck: 'no',
      'answer-stuck': 'Nothing is stuck.',
      analysis,
      decisions: 'Meet the father.',
    });
  });
  after(async () => t.close());

  it('refuses a 300,000-character analysis by its own limit and gives it back whole', async () => {
    const analysis = 'The account is untested, '.repeat(12_000);
    assert.equal(analysis.length, 300_000);
    const refused = await hv.post(`/cases/${caseId}/supervision/new`, form(analysis));
    assert.equal(refused.statusCode, 400);
    assert.ok(summaryErrors(refused.body).some((error) => /must be 8,000 characters or fewer: you have 299,999/.test(error)), summaryErrors(refused.body).join('; '));
    assert.ok(refused.body.includes(`>${analysis.trim()}`), 'the analysis comes back whole');
    assert.equal((await t.ctx.db.selectFrom('case_supervisions').select('id').execute()).length, 0);
  });

  it('answers a body over 1 MiB with a page saying so and to go back, not the generic one', async () => {
    const refused = await hv.post(`/cases/${caseId}/supervision/new`, form('x'.repeat(1_100_000)));
    assert.equal(refused.statusCode, 413);
    assert.match(refused.body, /What you sent is too long for the service/);
    assert.match(refused.body, /back button to return to what you typed/);
    assert.doesNotMatch(refused.body, /could not read what your browser sent/);
  });
});
