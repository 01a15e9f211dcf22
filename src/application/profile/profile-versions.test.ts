import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { KyselyPlugin, QueryId } from 'kysely';
import { makeCase, makeUser } from '../../../test/helpers/factories.ts';
import { officerOnCase } from '../../../test/helpers/officer-on-case.ts';
import { createTestApp, type TestApp } from '../../../test/helpers/test-app.ts';
import { sealAuditTrail } from '../../infrastructure/audit/audit-seal.ts';
import { verifyAuditChain } from '../../infrastructure/audit/verify-audit-chain.ts';
import { runForRequest } from '../../infrastructure/process/request-scope.ts';
import type { UserActor } from '../actor.ts';
import { recordBatch } from '../chronology/record-batch.ts';
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

describe('the version writer appends the alerts and the change\'s audit entries in the version\'s statement (issue 12)', () => {
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

  it('writes an event raising an alert with the alert, its recipients and emails and the audit entries naming it in the same statement', async () => {
    const { result, writes } = await record(event('emergency-attendance', 'attendance-1'));
    assert.equal(result.alerts.length, 1);
    const alertId = result.alerts[0]!.id;
    assert.deepEqual(writes, [['profile_versions', 'dashboard_case_summaries', 'alerts', 'alert_recipients', 'outbox', 'audit_log']]);
    const stored = await t.ctx.db.selectFrom('alerts').select(['case_id', 'reason', 'entry_id']).where('id', '=', alertId).executeTakeFirstOrThrow();
    assert.deepEqual(stored, { case_id: caseId, reason: 'emergency-attendance', entry_id: result.entry.id });
    const team = await t.ctx.db.selectFrom('case_team').innerJoin('users', 'users.id', 'case_team.user_id').select(['users.id', 'users.email']).where('case_team.case_id', '=', caseId).execute();
    const reached = await t.ctx.db.selectFrom('alert_recipients').select(['user_id', 'acknowledged_at']).where('alert_id', '=', alertId).execute();
    assert.deepEqual(reached.map((r) => [r.user_id, r.acknowledged_at !== null]).sort(), team.map((member) => [member.id, member.id === officer.userId]).sort());
    const mailed = await t.ctx.db.selectFrom('outbox').select('to_address').where('alert_id', '=', alertId).execute();
    assert.deepEqual(mailed.map((m) => m.to_address), team.filter((member) => member.id !== officer.userId).map((member) => member.email), 'the colleague, not the officer who raised it');
    const audit = await auditOf(result.entry.id);
    assert.deepEqual((audit.details as { alerts: string[] }).alerts, [alertId]);
    const raised = await t.ctx.db.selectFrom('audit_log').select(['subject_id', 'request_id']).where('action', '=', 'alert.raise').where('case_id', '=', caseId).execute();
    assert.deepEqual(raised, [{ subject_id: alertId, request_id: 'request-attendance-1' }]);
  });

  it('writes the alerts and audit entries by a statement a table after the version when one statement cannot hold their rows', async () => {
    // 450 alerts, each to a team of ten (10 recipients' rows, 9 emails, an audit entry): over 65,535 parameters in all.
    const team = [officer.userId, ...(await Promise.all(Array.from({ length: 9 }, async () => (await makeUser(t.ctx)).id)))];
    const crowded = (await makeCase(t.ctx, { teamUserIds: team })).id;
    const seen = new WritesSeen();
    const items = Array.from({ length: 450 }, (_, index) => ({ index, caseId: crowded, entry: event('emergency-attendance', `crowded-${String(index)}`) }));
    const outcome = await recordBatch({ ...t.ctx, db: t.ctx.db.withPlugin(seen) }, officer, items);
    assert.equal(outcome.stored.length, 450);
    assert.deepEqual(seen.statements, [['profile_versions', 'dashboard_case_summaries'], ['alerts'], ['alert_recipients'], ['outbox'], ['audit_log']]);
    const count = async (table: 'alerts' | 'audit_log') => Number((await t.ctx.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).where('case_id', '=', crowded).executeTakeFirstOrThrow()).n);
    const mailed = await t.ctx.db.selectFrom('outbox').innerJoin('alerts', 'alerts.id', 'outbox.alert_id').select((eb) => eb.fn.countAll().as('n')).where('alerts.case_id', '=', crowded).executeTakeFirstOrThrow();
    assert.deepEqual([await count('alerts'), Number(mailed.n), await count('audit_log')], [450, 450 * 9, 451]);
  });

  it('leaves a chain that seals and verifies, entries written either way', async () => {
    await sealAuditTrail(t.ctx.db, t.ctx.auditKeys, { wait: true });
    const report = await verifyAuditChain(t.ctx.db, t.ctx.auditKeys);
    assert.equal(report.intact, true, JSON.stringify(report));
  });
});
