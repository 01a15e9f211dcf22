import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { actorFor, makeCase, makeOrganisation, makeUser } from '../../../test/helpers/factories.ts';
import { createTestApp, type TestApp } from '../../../test/helpers/test-app.ts';
import { grantPartnershipView, listPartnershipViews, revokePartnershipView } from './partnership-view.ts';
import { listDashboardCases, viewDashboard } from './view-dashboard.ts';

type User = Awaited<ReturnType<typeof makeUser>>;

describe('the dashboards use cases', () => {
  let t: TestApp;
  const u = {} as Record<'hvManager' | 'hv' | 'police' | 'policeLead' | 'admin', User>;
  const ids = {} as Record<'ours' | 'shared' | 'theirs', string>;
  const orgs = {} as Record<'hv' | 'police', string>;

  async function storeFindings(caseId: string, findings: { id: string; severity: 'critical' | 'high' | 'attention' }[]) {
    const { profile_version } = await t.ctx.db.selectFrom('cases').select('profile_version').where('id', '=', caseId).executeTakeFirstOrThrow();
    await t.ctx.db
      .insertInto('profile_versions')
      .values({ case_id: caseId, version: profile_version + 1, changed_at: t.clock.now(), changed_by: null, factor_id: null, subject_key: null, change: '{}', changed_by_name: 'Test', why: null, findings: JSON.stringify(findings.map((f) => ({ ...f, rationale: 'Set by the test' }))) })
      .execute();
    await t.ctx.db.updateTable('cases').set({ profile_version: profile_version + 1 }).where('id', '=', caseId).execute();
  }

  const audits = async (userId: string, action: string, outcome = 'success') =>
    t.ctx.db.selectFrom('audit_log').select(['details', 'subject_id']).where('actor_user_id', '=', userId).where('action', '=', action).where('outcome', '=', outcome).execute();

  before(async () => {
    t = await createTestApp();
    const hv = await makeOrganisation(t.ctx, 'health-visiting', 'Health visiting');
    const police = await makeOrganisation(t.ctx, 'police', 'Police');
    orgs.hv = hv.id;
    orgs.police = police.id;
    u.hvManager = await makeUser(t.ctx, { role: 'manager', organisationId: hv.id });
    u.hv = await makeUser(t.ctx, { organisationId: hv.id, name: 'Hana Visitor' });
    u.police = await makeUser(t.ctx, { organisationId: police.id, name: 'Pat Officer' });
    u.policeLead = await makeUser(t.ctx, { role: 'safeguarding-lead', organisationId: police.id });
    u.admin = await makeUser(t.ctx, { role: 'admin', organisationId: hv.id, name: 'Ada Admin' });
    ids.ours = (await makeCase(t.ctx, { familyName: 'Ours', teamUserIds: [u.hv.id] })).id;
    ids.shared = (await makeCase(t.ctx, { familyName: 'Shared', teamUserIds: [u.hv.id, u.police.id] })).id;
    ids.theirs = (await makeCase(t.ctx, { familyName: 'Theirs', teamUserIds: [u.police.id] })).id;
    await storeFindings(ids.ours, [{ id: 'hidden-risk', severity: 'high' }]);
    await storeFindings(ids.theirs, [{ id: 'non-mobile-injury', severity: 'critical' }]);
  });
  after(async () => t.close());

  it('counts the organisation’s cases for its manager, and audits the look', async () => {
    const result = await viewDashboard(t.ctx, actorFor(u.hvManager), 'organisation');
    assert.ok(result.ok);
    const { counts } = result.value;
    assert.equal(counts.total, 2); // ours and shared
    assert.equal(counts.measures['serious-finding'], 1);
    assert.equal(counts.measures['hidden-risk'], 1);
    assert.equal(counts.measures['never-reviewed'], 2);
    assert.deepEqual(counts.practitioners.map((p) => [p.name, p.total]), [['Hana Visitor', 2]]);
    assert.deepEqual(result.value.dashboards, ['organisation']);
    assert.deepEqual((await audits(u.hvManager.id, 'dashboards.view')).map((a) => a.details), [{ cases: 2, openable: 2 }]);
  });

  it('lists the cases behind each number from their summaries, each row as counted by hand, a page at a time', async () => {
    const manager = actorFor(u.hvManager);
    const list = async (selector: Parameters<typeof listDashboardCases>[3], options?: Parameters<typeof listDashboardCases>[4]) => {
      const result = await listDashboardCases(t.ctx, manager, 'organisation', selector, options);
      assert.ok(result.ok);
      return result.value;
    };
    // By hand: both cases were born on 1 October 2026 (under 6 months on the test clock's day), universal, never reviewed,
    // Hana Visitor (health visiting) the lead of each; ours shows a high finding (hidden risk) no decision had in view.
    const lead = { name: 'Hana Visitor', organisationName: 'Health visiting' };
    const ours = { caseId: ids.ours, name: 'Test Ours', level: 'universal', stage: 'under-6-months', measures: ['serious-finding', 'serious-without-decision', 'hidden-risk', 'never-reviewed'], lead };
    const shared = { caseId: ids.shared, name: 'Test Shared', level: 'universal', stage: 'under-6-months', measures: ['never-reviewed'], lead };
    const every = await list({});
    assert.deepEqual(every.cases, [ours, shared]);
    assert.deepEqual([every.shown, every.notShown, every.page, every.pages, every.first], [2, 0, 1, 1, 1]);
    assert.deepEqual((await list({ measure: 'hidden-risk' })).cases, [ours]);
    assert.deepEqual((await list({ measure: 'never-reviewed', stage: 'under-6-months', level: 'universal' })).cases, [ours, shared]);
    assert.deepEqual((await list({ measure: 'clock-overdue' })).cases, []);
    assert.deepEqual((await list({ stage: 'over-12-months' })).cases, []);
    const police = await list({ organisationId: orgs.police });
    assert.deepEqual([police.cases, police.organisationName, police.practitionerName], [[shared], 'Police', null]);
    const hana = await list({ practitionerId: u.hv.id, measure: 'serious-finding' });
    assert.deepEqual([hana.cases, hana.practitionerName], [[ours], 'Hana Visitor']);
    // One a page: the second page, a page past the end kept to the last; the download holds both.
    const second = await list({}, { pageSize: 1, page: 2 });
    assert.deepEqual([second.cases, second.shown, second.page, second.pages, second.first], [[shared], 2, 2, 2, 2]);
    assert.deepEqual((await list({}, { pageSize: 1, page: 9 })).cases, [shared]);
    assert.deepEqual((await list({}, { pageSize: 1, purpose: 'export' })).cases, [ours, shared]);
    const [paged] = (await audits(u.hvManager.id, 'dashboards.list')).filter((a) => (a.details as { page?: number }).page === 2);
    assert.deepEqual(paged?.details, { selector: {}, caseIds: [ids.shared], notShown: 0, page: 2, pages: 2, shown: 2 });
  });

  it('refuses a practitioner and an administrator, each refusal audited', async () => {
    for (const user of [u.hv, u.admin]) {
      const result = await viewDashboard(t.ctx, actorFor(user), 'organisation');
      assert.equal(result.ok, false);
      assert.equal((await audits(user.id, 'dashboards.view', 'denied')).length, 1);
    }
    const partnership = await viewDashboard(t.ctx, actorFor(u.hvManager), 'partnership');
    assert.equal(partnership.ok, false);
  });

  it('lets an administrator grant the partnership view, whose lists name only the cases the viewer may open', async () => {
    assert.deepEqual(await grantPartnershipView(t.ctx, actorFor(u.admin), u.hvManager.email.toUpperCase()), { ok: true, value: { userId: u.hvManager.id } });
    const again = await grantPartnershipView(t.ctx, actorFor(u.admin), u.hvManager.email);
    assert.equal(again.ok || again.code, 'already-granted');
    const toAdmin = await grantPartnershipView(t.ctx, actorFor(u.admin), u.admin.email);
    assert.equal(toAdmin.ok || toAdmin.code, 'administrator');
    const listed = await listPartnershipViews(t.ctx, actorFor(u.admin));
    assert.ok(listed.ok);
    assert.deepEqual(listed.value.map((g) => [g.userId, g.grantedByName]), [[u.hvManager.id, 'Ada Admin']]);

    const view = await viewDashboard(t.ctx, actorFor(u.hvManager), 'partnership');
    assert.ok(view.ok);
    assert.equal(view.value.counts.total, 3);
    assert.equal(view.value.openable, 2);
    const serious = await listDashboardCases(t.ctx, actorFor(u.hvManager), 'partnership', { measure: 'serious-finding' });
    assert.ok(serious.ok);
    assert.deepEqual(serious.value.cases.map((c) => c.caseId), [ids.ours]);
    assert.equal(serious.value.notShown, 1, 'the police case is counted, never named');
    const [entry] = (await audits(u.hvManager.id, 'dashboards.list')).filter((a) => a.subject_id === 'partnership');
    assert.deepEqual(entry?.details, { selector: { measure: 'serious-finding' }, caseIds: [ids.ours], notShown: 1 });

    assert.deepEqual(await revokePartnershipView(t.ctx, actorFor(u.admin), u.hvManager.id), { ok: true, value: null });
    assert.equal((await viewDashboard(t.ctx, actorFor(u.hvManager), 'partnership')).ok, false);
    assert.equal((await audits(u.admin.id, 'partnership-view.grant')).length, 1);
    assert.equal((await audits(u.admin.id, 'partnership-view.revoke')).length, 1);
  });

  it('refuses anyone but an administrator the grant, audited', async () => {
    const result = await grantPartnershipView(t.ctx, actorFor(u.policeLead), u.policeLead.email);
    assert.equal(result.ok || result.code, 'forbidden');
    assert.equal((await audits(u.policeLead.id, 'partnership-view.grant', 'denied')).length, 1);
  });
});
