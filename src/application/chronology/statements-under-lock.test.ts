import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { KyselyPlugin, QueryId } from 'kysely';
import { officerOnCase } from '../../../test/helpers/officer-on-case.ts';
import { createTestApp, type TestApp } from '../../../test/helpers/test-app.ts';
import type { UserActor } from '../actor.ts';
import type { AppContext } from '../context.ts';
import { settingsInForce } from '../settings/settings-in-force.ts';
import { recordEntry, type EntryInput } from './record-entry.ts';

/** Counts the statements Kysely sends (BEGIN and COMMIT are not among them). */
class Counter implements KyselyPlugin {
  count = 0;
  readonly #built = new WeakSet<QueryId>();
  transformQuery: KyselyPlugin['transformQuery'] = ({ node, queryId }) => {
    this.#built.add(queryId);
    return node;
  };
  transformResult: KyselyPlugin['transformResult'] = (args) => {
    if (this.#built.has(args.queryId)) this.count++;
    return Promise.resolve(args.result);
  };
}

// ADR 0022: the team read with the duplicates and the people, the open alerts with the profile, the alerts and the audit entries with the version.
describe('one agency event, under its case\'s lock', () => {
  let t: TestApp;
  let officer: UserActor;
  let outsider: UserActor;
  let caseId: string;

  before(async () => {
    t = await createTestApp();
    ({ officer, outsider, caseId } = await officerOnCase(t.ctx));
    ctx = { ...t.ctx, db: t.ctx.db.withPlugin(counter) };
    await settingsInForce(ctx);
  });
  after(async () => t.close());

  const visit = (externalId: string): EntryInput => ({ kind: 'home-visit', occurredAt: t.clock.now().toISOString().slice(0, 10), summary: 'Home visit', source: 'agency-record', externalId, personIds: ['mum'] });
  const counter = new Counter();
  /** One context for every event, as a running server's: the area's settings read once (settings-in-force.ts), the chronology kept. */
  let ctx: AppContext;
  const counted = async (actor: UserActor, entry: EntryInput) => {
    counter.count = 0;
    const result = await recordEntry(ctx, actor, caseId, entry);
    return { result, statements: counter.count };
  };

  it('sends five statements: the lock; the team, duplicates and people; the profile; the entry; the version with its audit entry', async () => {
    await counted(officer, visit('first'));
    const { result, statements } = await counted(officer, visit('second'));
    assert.ok(result.ok && !result.duplicate, JSON.stringify(result));
    assert.equal(statements, 5);
  });

  it('sends the same five when the event raises an alert: its recipients, emails and audit entry go with the version', async () => {
    const { result, statements } = await counted(officer, { ...visit('attendance'), kind: 'emergency-attendance', summary: 'Taken to the emergency department' });
    assert.ok(result.ok && !result.duplicate, JSON.stringify(result));
    assert.equal(result.alerts.length, 1);
    assert.equal(statements, 5);
  });

  it('sends the same five when the event newly shows a critical finding: the open alerts for it are read with the profile', async () => {
    // The baby is not yet mobile: an injury is a trigger event and shows a critical finding.
    const { result, statements } = await counted(officer, { ...visit('injury'), kind: 'injury-observed', source: 'observed', summary: 'Small bruise on the left ear' });
    assert.ok(result.ok && !result.duplicate, JSON.stringify(result));
    assert.deepEqual(result.alerts.map((alert) => [alert.reason, alert.findingId]), [['critical-finding', 'non-mobile-injury'], ['trigger-event', undefined]]);
    assert.equal(statements, 5);
  });

  it('answers an event sent again with the entry stored, found by the same read', async () => {
    const first = await counted(officer, visit('again'));
    const again = await counted(officer, visit('again'));
    assert.ok(first.result.ok && again.result.ok);
    assert.equal(again.result.duplicate, true);
    assert.equal(again.result.entry.id, first.result.entry.id);
  });

  it('refuses someone outside the team from the same read, and audits it', async () => {
    const { result } = await counted(outsider, visit('outsider'));
    assert.equal(result.ok, false);
    assert.equal(!result.ok && result.code, 'forbidden');
    const denied = await t.ctx.db.selectFrom('audit_log').select('outcome').where('case_id', '=', caseId).where('actor_user_id', '=', outsider.userId).execute();
    assert.deepEqual(denied.map((row) => row.outcome), ['denied']);
  });
});
