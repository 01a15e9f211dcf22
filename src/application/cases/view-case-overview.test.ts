import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { actorFor, makeCase, makeOrganisation, makeUser } from '../../../test/helpers/factories.ts';
import { createTestApp, type TestApp } from '../../../test/helpers/test-app.ts';
import type { KyselyPlugin, RootOperationNode } from 'kysely';
import { recordEntry } from '../chronology/record-entry.ts';
import { createContext } from '../context.ts';
import { viewCaseOverview } from './view-case-overview.ts';
import { readCaseRefusal } from './case-refusal.ts';

/** The table each SELECT reads first, in the order sent. */
class SelectedTables implements KyselyPlugin {
  tables: string[] = [];
  transformQuery: KyselyPlugin['transformQuery'] = (args) => {
    const node = args.node as RootOperationNode & { from?: { froms: { kind: string; table?: { identifier: { name: string } } }[] } };
    if (node.kind === 'SelectQueryNode') this.tables.push(node.from?.froms[0]?.table?.identifier.name ?? '?');
    return args.node;
  };
  transformResult: KyselyPlugin['transformResult'] = (args) => Promise.resolve(args.result);
}

type User = Awaited<ReturnType<typeof makeUser>>;

describe('viewing the case overview', () => {
  let t: TestApp;
  let caseId: string;
  let lead: User;
  let outsider: User;

  before(async () => {
    t = await createTestApp();
    const health = await makeOrganisation(t.ctx, 'health-visiting', 'Overview Health Visiting');
    lead = await makeUser(t.ctx, { organisationId: health.id, name: 'Claire Overview' });
    outsider = await makeUser(t.ctx);
    ({ id: caseId } = await makeCase(t.ctx, { familyName: 'Overview', teamUserIds: [lead.id] }));
    for (const [day, summary] of [['2026-10-05', 'First visit'], ['2026-10-12', 'Second visit']]) {
      const recorded = await recordEntry(t.ctx, actorFor(lead), caseId, { kind: 'home-visit', occurredAt: day!, summary: summary!, source: 'observed' });
      assert.ok(recorded.ok, JSON.stringify(recorded));
    }
  });
  after(async () => t.close());

  const lastSeq = async () => (await t.ctx.db.selectFrom('audit_log').select((eb) => eb.fn.max('seq').as('seq')).executeTakeFirstOrThrow()).seq ?? '0';
  const auditSince = async (seq: string) =>
    t.ctx.db.selectFrom('audit_log').select(['action', 'outcome', 'subject_id', 'details']).where('seq', '>', seq).orderBy('seq').execute();

  it('shows the case, its profile and its chronology, and writes one audit entry naming what it showed', async () => {
    const before = await lastSeq();
    const result = await viewCaseOverview(t.ctx, actorFor(lead), caseId);
    assert.ok(result.ok);
    assert.equal(result.value.case.record.familyName, 'Overview');
    assert.equal(result.value.case.access.basis, 'lead-professional');
    assert.ok(result.value.profile, 'the profile is evaluated');
    assert.deepEqual(result.value.chronology.map((entry) => entry.summary), ['First visit', 'Second visit']);
    const audit = await auditSince(before);
    assert.deepEqual(
      audit.map((entry) => [entry.action, entry.outcome, entry.details['basis'], entry.details['showed']]),
      [['case.view', 'success', 'lead-professional', ['case', 'profile', 'recent-entries', 'retention']]],
    );
  });

  it('refuses someone outside the team and audits the refusal once; its page names who to contact and audits nothing more', async () => {
    const before = await lastSeq();
    const result = await viewCaseOverview(t.ctx, actorFor(outsider), caseId);
    assert.ok(!result.ok && result.code === 'forbidden');
    const refusal = await readCaseRefusal(t.ctx, actorFor(outsider), caseId);
    assert.deepEqual(refusal, { caseId, basis: null, contact: { name: 'Claire Overview', organisation: 'Overview Health Visiting', email: lead.email }, emergencyAccess: true });
    const audit = await auditSince(before);
    assert.deepEqual(audit.map((entry) => [entry.action, entry.outcome]), [['case.view', 'denied']]);
  });

  it('answers a case that does not exist with not found, and audits the attempt once', async () => {
    const missing = randomUUID();
    const before = await lastSeq();
    const result = await viewCaseOverview(t.ctx, actorFor(lead), missing);
    assert.ok(!result.ok);
    assert.equal(result.code, 'not-found');
    const audit = await auditSince(before);
    assert.deepEqual(audit.map((entry) => [entry.action, entry.outcome, entry.subject_id]), [['case.view', 'failure', missing]]);
  });

  it('reads the chronology once in a process that has not kept it, and not at all once kept: the clocks take what the page read', async () => {
    // A strategy discussion starts a clock, so the clocks have entries to read.
    assert.ok((await recordEntry(t.ctx, actorFor(lead), caseId, { kind: 'strategy-discussion', occurredAt: '2026-11-02', summary: 'Strategy discussion', source: 'agency-record' })).ok);
    const selected = new SelectedTables();
    // A new context: its chronology and profile caches are empty, as in a process just started.
    const fresh = { ...createContext(t.ctx.db, t.ctx.config, t.clock, t.ctx.auditKeys), db: t.ctx.db.withPlugin(selected) };
    const cold = await viewCaseOverview(fresh, actorFor(lead), caseId);
    assert.ok(cold.ok);
    assert.deepEqual(cold.value.clocks.map((clock) => [clock.id, clock.status]), [['initial-conference', 'due-soon']]);
    assert.equal(selected.tables.filter((table) => table === 'chronology_entries').length, 1, 'the chronology is read once');
    assert.equal(selected.tables.filter((table) => table === 'case_meetings').length, 1, 'the meetings once, for the clocks');
    assert.ok(!selected.tables.includes('profile_decisions'), 'the decisions on findings, which the page does not show, are not read');
    selected.tables = [];
    const warm = await viewCaseOverview(fresh, actorFor(lead), caseId);
    assert.ok(warm.ok);
    assert.deepEqual(warm.value.clocks, cold.value.clocks);
    assert.equal(selected.tables.filter((table) => table === 'chronology_entries').length, 0, 'the kept chronology is used');
  });
});
