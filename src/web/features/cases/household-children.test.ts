import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { makeCase, makeUser } from '../../../../test/helpers/factories.ts';
import { createTestApp, type TestApp } from '../../../../test/helpers/test-app.ts';
import { WebClient } from '../../../../test/helpers/web-client.ts';
import { evaluateStoredProfile } from '../../../application/profile/profile-facts.ts';
import { settingsInForce } from '../../../application/settings/settings-in-force.ts';
import { serviceToday } from '../../../domain/shared/service-day.ts';

describe('other children who live with the baby', () => {
  let t: TestApp;
  let member: Awaited<ReturnType<typeof makeUser>>;
  let caseId: string;
  before(async () => {
    t = await createTestApp();
    const lead = await makeUser(t.ctx);
    member = await makeUser(t.ctx);
    ({ id: caseId } = await makeCase(t.ctx, { teamUserIds: [lead.id, member.id] }));
  });
  after(async () => t.close());

  const submissionIdOf = (html: string) => /name="submissionId" value="([^"]+)"/.exec(html)![1]!;
  const versions = async () => (await t.ctx.db.selectFrom('profile_versions').select('version').where('case_id', '=', caseId).execute()).length;
  const audits = async (outcome: string) =>
    (await t.ctx.db.selectFrom('audit_log').select('details').where('action', '=', 'case.household-children').where('case_id', '=', caseId).where('outcome', '=', outcome).execute()).map((row) => row.details);

  /** The baby's sibling-under-two factor as the stored profile evaluates now. */
  const sibling = async () => {
    const evaluated = await evaluateStoredProfile(t.ctx.db, caseId, serviceToday(t.clock.now()), (await settingsInForce(t.ctx)).settings);
    const factor = evaluated!.evaluation.subjects[0]!.risk.find((f) => f.factorId === 'sibling-under-two')!;
    return [factor.effectiveStatus, factor.verified, factor.detail];
  };

  it('leaves the factor open on an empty record until someone answers', async () => {
    const client = await WebClient.signedIn(t.app, member);
    assert.deepEqual(await sibling(), ['not-assessed', false, 'Not yet known whether other children live with the baby: record them, or that there are none.']);
    const page = await client.get(`/cases/${caseId}/household-children`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<h1 class="govuk-heading-l">Other children who live with the baby<\/h1>/);
    assert.match(page.body, /No child is recorded as living with the baby/);
  });

  it('refuses a form without an answer, says why, and audits the failure', async () => {
    const client = await WebClient.signedIn(t.app, member);
    const page = await client.get(`/cases/${caseId}/household-children`);
    const before = await versions();
    const response = await client.post(`/cases/${caseId}/household-children`, { submissionId: submissionIdOf(page.body), source: 'observed' });
    assert.equal(response.statusCode, 400);
    assert.match(response.body, /There is a problem/);
    assert.match(response.body, /Select who the other children living with the baby are/);
    assert.match(response.body, /value="observed" checked/);
    assert.equal(await versions(), before);
    assert.deepEqual(await audits('failure'), [{ reason: 'invalid', problems: ['answer-needed'] }]);
  });

  it('records "none" on the carer’s word, writes one version however often it is posted, and the profile excludes the factor', async () => {
    const client = await WebClient.signedIn(t.app, member);
    const page = await client.get(`/cases/${caseId}/household-children`);
    const before = await versions();
    const form = { submissionId: submissionIdOf(page.body), answer: 'none', source: 'carer-account', givenBy: 'her mother' };
    const first = await client.post(`/cases/${caseId}/household-children`, form);
    const second = await client.post(`/cases/${caseId}/household-children`, form);
    assert.deepEqual([first.statusCode, first.headers.location, second.statusCode, second.headers.location], [303, `/cases/${caseId}/profile`, 303, `/cases/${caseId}/profile`]);
    assert.equal(await versions(), before + 1);
    const row = await t.ctx.db.selectFrom('cases').select('household_children').where('id', '=', caseId).executeTakeFirstOrThrow();
    assert.deepEqual([row.household_children?.answer, row.household_children?.source, row.household_children?.givenBy, row.household_children?.agency !== undefined], ['none', 'carer-account', 'her mother', true]);
    assert.deepEqual((await audits('success')).map((d) => [d['answer'], d['source']]), [['none', 'carer-account']]);
    assert.deepEqual(await sibling(), ['excluded', false, 'No other child lives with the baby.']);
    const again = await client.get(`/cases/${caseId}/household-children`);
    assert.match(again.body, /data-qa="household-children-current"/);
    assert.match(again.body, /What the parent or carer says \(her mother\)/);
    assert.match(again.body, /value="none" checked/);
  });
});
