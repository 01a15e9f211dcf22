import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { makeCase, makeOrganisation, makePerson, makeUser } from '../../../../test/helpers/factories.ts';
import { qaElement, qaElements, summaryErrors, textOf } from '../../../../test/helpers/html.ts';
import { createTestApp, type TestApp } from '../../../../test/helpers/test-app.ts';
import { WebClient } from '../../../../test/helpers/web-client.ts';

describe('profile review, escalation decisions and level', () => {
  let t: TestApp;
  let caseId: string;
  let lead: Awaited<ReturnType<typeof makeUser>>;
  let client: WebClient;
  before(async () => {
    t = await createTestApp();
    lead = await makeUser(t.ctx, { name: 'Hana Visitor' });
    ({ id: caseId } = await makeCase(t.ctx, { teamUserIds: [lead.id] }));
    await makePerson(t.ctx, caseId, { id: 'mum', history_checked: true });
    client = await WebClient.signedIn(t.app, lead);
  });
  after(async () => t.close());

  const url = (path: string) => `/cases/${caseId}/profile/${path}`;
  const currentVersion = async () => (await t.ctx.db.selectFrom('cases').select('profile_version').where('id', '=', caseId).executeTakeFirstOrThrow()).profile_version;

  async function recordPresent(subject: string, factorId: string, detail: string) {
    const version = (await t.ctx.db.selectFrom('profile_assessments').select('version').where('case_id', '=', caseId).where('factor_id', '=', factorId).executeTakeFirst())?.version ?? 0;
    await client.get(url(`${subject}/${factorId}`));
    const saved = await client.post(url(`${subject}/${factorId}`), { version: String(version), status: 'present', detail });
    assert.equal(saved.statusCode, 303);
  }

  it('shows a profile never reviewed as due now, with no decisions', async () => {
    const page = await client.get(url('review'));
    assert.equal(page.statusCode, 200);
    const summary = textOf(qaElement(page.body, 'review-summary'));
    assert.match(summary, /Universal/);
    assert.match(summary, /Never/);
    assert.match(summary, /Now: the profile has never been reviewed/);
    assert.ok(qaElement(page.body, 'no-decisions'));
  });

  it('refuses to mark reviewed while a critical finding has no decision, and says what to do', async () => {
    await recordPresent('household', 'unsafe-sleep', 'Baby sleeps on the sofa with dad');
    await recordPresent('household', 'smoking-in-home', 'Both parents smoke indoors');
    const page = await client.get(url('review'));
    assert.match(textOf(qaElement(page.body, 'decision-needed')), /Unsafe sleep/i);
    // Each finding cites its guidance by the publications' titles, on the review and on the decision page.
    for (const body of [page.body, (await client.get(url('decision'))).body]) assert.match(textOf(qaElement(body, 'finding-guidance')), /What to do: .+\. Guidance: .+, §/);
    const refused = await client.post(url('review'), { profileVersion: String(await currentVersion()), note: 'keep this note' });
    assert.equal(refused.statusCode, 409);
    const errors = summaryErrors(refused.body);
    assert.match(errors[0] ?? '', /^#record-decision: Record an escalation decision for the critical and high findings before marking the profile reviewed: Unsafe sleep/);
    assert.match(errors[1] ?? '', /^#change-level: The level of support is universal, below the child protection level the findings suggest \(Unsafe sleep/);
    assert.equal(errors.length, 2);
    assert.match(refused.body, /keep this note/);
    const row = await t.ctx.db.selectFrom('cases').select('profile_reviewed_at').where('id', '=', caseId).executeTakeFirstOrThrow();
    assert.equal(row.profile_reviewed_at, null);
  });

  it('checks the decision form and keeps what was typed', async () => {
    await client.get(url('decision'));
    const empty = await client.post(url('decision'), { profileVersion: String(await currentVersion()), leadName: 'typed name' });
    assert.equal(empty.statusCode, 400);
    assert.deepEqual(summaryErrors(empty.body).map((e) => e.split(': ')[0]), ['#decision', '#reasoning', '#leadConsulted']);
    assert.match(empty.body, /typed name/);
    const noName = await client.post(url('decision'), { profileVersion: String(await currentVersion()), decision: 'strategy-discussion', reasoning: 'Unsafe sleep with smoking', leadConsulted: 'yes' });
    assert.equal(noName.statusCode, 400);
    assert.match(summaryErrors(noName.body).join(), /#leadName: Enter the name of the safeguarding lead/);
    assert.match(noName.body, /Unsafe sleep with smoking/);
  });

  it('asks the user to look again when the profile changed while they decided', async () => {
    const stale = await client.post(url('decision'), { profileVersion: '1', decision: 'universal-plus', reasoning: 'Old view', leadConsulted: 'no' });
    assert.equal(stale.statusCode, 409);
    assert.match(stale.body, /The profile changed while you were deciding/);
    assert.match(stale.body, new RegExp(`name="profileVersion" value="${String(await currentVersion())}"`));
  });

  it('records a decision with the findings in view, then allows the review, which sets the next date by level', async () => {
    const saved = await client.post(url('decision'), { profileVersion: String(await currentVersion()), decision: 'strategy-discussion', reasoning: 'Unsafe sleep with smoking in a small baby', leadConsulted: 'yes', leadName: 'Sam Lead' });
    assert.equal(saved.statusCode, 303);
    const page = await client.get(url('review'));
    const decision = textOf(qaElements(page.body, 'decision')[0] ?? null);
    assert.match(decision, /Strategy discussion/);
    assert.match(decision, /Yes: Sam Lead/);
    assert.match(decision, /Unsafe sleep/i);
    assert.equal(qaElement(page.body, 'decision-needed'), null);
    const reviewed = await client.post(url('review'), { profileVersion: String(await currentVersion()) });
    assert.equal(reviewed.statusCode, 303);
    assert.equal(reviewed.headers.location, url('review'));
    const after = await client.get(url('review'));
    assert.equal(textOf(qaElement(after.body, 'reviewed-banner')), 'Success The profile is marked reviewed. The next review date is below.');
    assert.equal(qaElement((await client.get(url('review'))).body, 'reviewed-banner'), null, 'the banner is shown once');
    assert.equal(qaElement((await client.get(url('review?reviewed=1'))).body, 'reviewed-banner'), null, 'nor by an old bookmark');
    assert.doesNotMatch(textOf(qaElement(after.body, 'review-summary')), /Never/);
    const kinds = await t.ctx.db.selectFrom('profile_versions').select('kind').where('case_id', '=', caseId).orderBy('version').execute();
    assert.deepEqual(kinds.map((k) => k.kind).slice(-2), ['decision', 'review']);
    const audit = await t.ctx.db.selectFrom('audit_log').select(['action', 'outcome']).where('case_id', '=', caseId).where('action', 'in', ['profile.decision', 'profile.review']).orderBy('seq').execute();
    assert.deepEqual(audit.map((a) => `${a.action}:${a.outcome}`), ['profile.review:denied', 'profile.decision:success', 'profile.review:success']);
  });

  it('changes the level with a reason, and says when nothing would change', async () => {
    const form = await client.get(url('level'));
    assert.equal(form.statusCode, 200);
    const noReason = await client.post(url('level'), { level: 'early-help' });
    assert.equal(noReason.statusCode, 400);
    assert.match(summaryErrors(noReason.body).join(), /#why: Enter why the level is changing/);
    const same = await client.post(url('level'), { level: 'universal', why: 'No change' });
    assert.match(summaryErrors(same.body).join(), /#level: The level is already universal/);
    const changed = await client.post(url('level'), { level: 'early-help', why: 'Early help assessment agreed with mum' });
    assert.equal(changed.statusCode, 303);
    const history = await client.get(url('history'));
    assert.match(history.body, /Level changed from universal to early help/);
  });

  it('leaves statutory levels to children’s social care: the health visitor lead is refused and told what to do, the social worker records it', async () => {
    const refused = await client.post(url('level'), { level: 'child-in-need', why: 'Worried' });
    assert.equal(refused.statusCode, 403);
    assert.match(summaryErrors(refused.body).join(), /#level: Only children’s social care can record a move into or out of child in need/);
    assert.match(refused.body, /Worried/, 'what was typed is kept');
    const socialCare = await makeOrganisation(t.ctx, 'childrens-social-care');
    const socialWorker = await makeUser(t.ctx, { organisationId: socialCare.id, name: 'Sam Social' });
    await t.ctx.db.insertInto('case_team').values({ case_id: caseId, user_id: socialWorker.id, role: 'member', added_at: t.clock.now(), added_by: lead.id }).execute();
    const social = await WebClient.signedIn(t.app, socialWorker);
    await social.get(url('level'));
    assert.equal((await social.post(url('level'), { level: 'child-in-need', why: 'Strategy discussion: section 17 assessment' })).statusCode, 303);
    const page = await client.get(url('review'));
    assert.match(textOf(qaElement(page.body, 'review-summary')), /Child in need.*every 6 weeks/);
  });

  it('refuses a housing officer in the team any change of level, and audits it', async () => {
    const housing = await makeOrganisation(t.ctx, 'housing');
    const officer = await makeUser(t.ctx, { organisationId: housing.id, name: 'Hal Housing' });
    await t.ctx.db.insertInto('case_team').values({ case_id: caseId, user_id: officer.id, role: 'member', added_at: t.clock.now(), added_by: lead.id }).execute();
    const housingClient = await WebClient.signedIn(t.app, officer);
    await housingClient.get(url('level'));
    for (const level of ['universal', 'child-protection']) {
      const refused = await housingClient.post(url('level'), { level, why: 'Tenancy worries' });
      assert.equal(refused.statusCode, 403, level);
    }
    const denied = await t.ctx.db.selectFrom('audit_log').select('details').where('case_id', '=', caseId).where('actor_user_id', '=', officer.id).where('action', '=', 'case.level-change').where('outcome', '=', 'denied').execute();
    assert.deepEqual(denied.map((d) => (d.details as { reason: string }).reason), ['statutory-level', 'statutory-level']);
  });

  it('refuses people outside the team, and audits each refusal', async () => {
    const outsiderUser = await makeUser(t.ctx);
    const outsider = await WebClient.signedIn(t.app, outsiderUser);
    for (const path of ['review', 'decision', 'level']) assert.equal((await outsider.get(url(path))).statusCode, 403, path);
    await outsider.get(url('review'));
    assert.equal((await outsider.post(url('decision'), { profileVersion: '0', decision: 'no-further-action', reasoning: 'x', leadConsulted: 'no' })).statusCode, 403);
    assert.equal((await outsider.post(url('review'), { profileVersion: '0' })).statusCode, 403);
    assert.equal((await outsider.post(url('level'), { level: 'child-protection', why: 'x' })).statusCode, 403);
    assert.equal((await client.get('/cases/nope/profile/review')).statusCode, 404);
    const denied = await t.ctx.db.selectFrom('audit_log').select('action').where('case_id', '=', caseId).where('outcome', '=', 'denied').where('actor_user_id', '=', outsiderUser.id).where('action', 'in', ['profile.decision', 'profile.review', 'case.level-change']).execute();
    // The decision's and the level's forms are refused as what they record, page and post alike; the review's page is a reading (profile.view).
    assert.deepEqual(denied.map((d) => d.action).sort(), ['case.level-change', 'case.level-change', 'profile.decision', 'profile.decision', 'profile.review']);
  });

  it('asks again why the level stays when it was lowered after the decision, and accepts a decision made since', async () => {
    const socialCare = await makeOrganisation(t.ctx, 'childrens-social-care');
    const worker = await makeUser(t.ctx, { organisationId: socialCare.id, name: 'Sol Worker' });
    const { id: other } = await makeCase(t.ctx, { teamUserIds: [worker.id] });
    await makePerson(t.ctx, other, { id: 'mum', history_checked: true });
    const social = await WebClient.signedIn(t.app, worker);
    const at = (path: string) => `/cases/${other}/profile/${path}`;
    const version = async () => String((await t.ctx.db.selectFrom('cases').select('profile_version').where('id', '=', other).executeTakeFirstOrThrow()).profile_version);
    for (const [factorId, detail] of [['unsafe-sleep', 'Sofa sleeping'], ['smoking-in-home', 'Smoke indoors']] as const) {
      await social.get(at(`household/${factorId}`));
      assert.equal((await social.post(at(`household/${factorId}`), { version: '0', status: 'present', detail })).statusCode, 303);
    }
    const decide = async (reasoning: string) => {
      await social.get(at('decision'));
      assert.equal((await social.post(at('decision'), { profileVersion: await version(), decision: 'strategy-discussion', reasoning, leadConsulted: 'no' })).statusCode, 303);
    };
    const setLevel = async (level: string) => {
      await social.get(at('level'));
      assert.equal((await social.post(at('level'), { level, why: `To ${level}` })).statusCode, 303);
    };
    await decide('Strategy discussion asked for');
    await setLevel('child-in-need');
    await setLevel('early-help');
    await social.get(at('review'));
    const refused = await social.post(at('review'), { profileVersion: await version(), note: 'lowered' });
    assert.equal(refused.statusCode, 409);
    assert.deepEqual(summaryErrors(refused.body).map((e) => e.split(': ')[0]), ['#change-level'], 'the finding had a decision; the lowered level did not');
    assert.match(refused.body, />lowered</);
    t.clock.advanceMinutes(5);
    await decide('Early help while the strategy discussion is arranged: the family engage');
    await social.get(at('review'));
    assert.equal((await social.post(at('review'), { profileVersion: await version() })).statusCode, 303);
  });
});
