import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { KyselyPlugin, QueryId } from 'kysely';
import { officerOnCase } from '../../../test/helpers/officer-on-case.ts';
import { createTestApp, type TestApp } from '../../../test/helpers/test-app.ts';
import { sealAuditTrail } from '../../infrastructure/audit/audit-seal.ts';
import { verifyAuditChain } from '../../infrastructure/audit/verify-audit-chain.ts';
import { runForRequest } from '../../infrastructure/process/request-scope.ts';
import type { UserActor } from '../actor.ts';
import { recordEntry, type EntryInput } from '../chronology/record-entry.ts';

/** Each statement Kysely builds that writes, as the tables it inserts into (its root and its WITHs), in order (the entries' raw INSERT is not seen). */
class WritesSeen implements KyselyPlugin {
  readonly statements: string[][] = [];
  readonly #built = new WeakMap<QueryId, string[]>();
  transformQuery: KyselyPlugin['transformQuery'] = ({ node, queryId }) => {
    const named = (n: unknown) => (n as { table?: { table?: { identifier?: { name?: string } } } } | undefined)?.table?.table?.identifier?.name;
    const withs = (node as { with?: { expressions: { expression: { kind: string; into?: unknown; table?: unknown } }[] } }).with?.expressions ?? [];
    const root = node.kind === 'InsertQueryNode' ? [named({ table: (node as { into?: unknown }).into })] : [];
    const inWiths = withs.map(({ expression }) => (expression.kind === 'InsertQueryNode' ? named({ table: expression.into }) : undefined));
    this.#built.set(queryId, [...root, ...inWiths].filter((name): name is string => name !== undefined));
    return node;
  };
  transformResult: KyselyPlugin['transformResult'] = (args) => {
    const writes = this.#built.get(args.queryId);
    if (writes && writes.length > 0) this.statements.push(writes);
    return Promise.resolve(args.result);
  };
}

describe('the version writer appends the change\'s audit entry in the version\'s statement when no alert is raised (issue 12)', () => {
  let t: TestApp;
  let officer: UserActor;
  let caseId: string;

  before(async () => {
    t = await createTestApp();
    ({ officer, caseId } = await officerOnCase(t.ctx));
  });
  after(async () => t.close());

  const today = () => t.clock.now().toISOString().slice(0, 10);
  const event = (kind: string, externalId: string): EntryInput => ({ kind, occurredAt: today(), summary: `A ${kind}`, source: 'agency-record', externalId });
  const record = async (entry: EntryInput) => {
    const seen = new WritesSeen();
    const result = await runForRequest(`request-${entry.externalId!}`, () => recordEntry({ ...t.ctx, db: t.ctx.db.withPlugin(seen) }, officer, caseId, entry));
    assert.ok(result.ok, JSON.stringify(result));
    return { result, writes: seen.statements };
  };
  const auditOf = (entryId: string) =>
    t.ctx.db.selectFrom('audit_log').select(['action', 'details', 'request_id', 'entry_hash']).where('case_id', '=', caseId).where('subject_id', '=', entryId).executeTakeFirstOrThrow();

  it('writes an event raising no alert with the version, the summary and the audit entry in one statement', async () => {
    const { result, writes } = await record(event('home-visit', 'visit-1'));
    assert.deepEqual(writes, [['profile_versions', 'dashboard_case_summaries', 'audit_log']]);
    const audit = await auditOf(result.entry.id);
    const version = await t.ctx.db.selectFrom('cases').select('profile_version').where('id', '=', caseId).executeTakeFirstOrThrow();
    assert.equal(audit.action, 'chronology.record');
    assert.deepEqual(audit.details, { kind: 'home-visit', profileVersion: version.profile_version, externalId: 'visit-1' });
    assert.equal(audit.request_id, 'request-visit-1');
    assert.ok(audit.entry_hash);
  });

  it('appends the audit entries after the alerts when the event raises one, naming it', async () => {
    const { result, writes } = await record(event('emergency-attendance', 'attendance-1'));
    assert.equal(result.alerts.length, 1);
    assert.deepEqual(writes, [['profile_versions', 'dashboard_case_summaries'], ['alerts'], ['alert_recipients'], ['outbox'], ['audit_log']]);
    const audit = await auditOf(result.entry.id);
    assert.deepEqual((audit.details as { alerts: string[] }).alerts, [result.alerts[0]!.id]);
    const raised = await t.ctx.db.selectFrom('audit_log').select('subject_id').where('action', '=', 'alert.raise').where('case_id', '=', caseId).execute();
    assert.deepEqual(raised.map((row) => row.subject_id), [result.alerts[0]!.id]);
  });

  it('leaves a chain that seals and verifies, entries written either way', async () => {
    await sealAuditTrail(t.ctx.db, t.ctx.auditKeys, { wait: true });
    const report = await verifyAuditChain(t.ctx.db, t.ctx.auditKeys);
    assert.equal(report.intact, true, JSON.stringify(report));
  });
});
