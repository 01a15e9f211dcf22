import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { KyselyPlugin } from 'kysely';
import { actorFor, makeCase, makeOrganisation, makePerson, makeUser } from '../../../test/helpers/factories.ts';
import { createTestApp, type TestApp } from '../../../test/helpers/test-app.ts';
import type { UserActor } from '../actor.ts';
import { recordBatch, type BatchItem } from './record-batch.ts';
import { loadChronology } from './chronology-rows.ts';
import { evaluateStoredProfile, snapshotFindings } from '../profile/profile-facts.ts';
import { settingsInForce } from '../settings/settings-in-force.ts';
import { serviceToday } from '../../domain/shared/service-day.ts';
import type { EntryInput } from './write-entry.ts';

const visit = (summary: string, externalId?: string): EntryInput => ({ kind: 'home-visit', occurredAt: '2026-11-20', summary, source: 'observed', ...(externalId ? { externalId } : {}) });

describe('recording a batch of chronology entries', () => {
  let t: TestApp;
  let officer: UserActor;
  let caseA: string;
  let caseB: string;
  let closed: string;

  before(async () => {
    t = await createTestApp();
    const police = await makeOrganisation(t.ctx, 'police', 'County Police');
    const user = await makeUser(t.ctx, { organisationId: police.id, name: 'PC Lane' });
    officer = actorFor(user);
    caseA = (await makeCase(t.ctx, { teamUserIds: [user.id] })).id;
    caseB = (await makeCase(t.ctx, { teamUserIds: [user.id] })).id;
    closed = (await makeCase(t.ctx, { teamUserIds: [(await makeUser(t.ctx)).id] })).id;
    await makePerson(t.ctx, caseA, { id: 'mum-a' });
  });
  after(async () => t.close());

  const entriesOf = (caseId: string) => t.ctx.db.selectFrom('chronology_entries').selectAll().where('case_id', '=', caseId).orderBy('summary').execute();
  const versionsOf = (caseId: string) => t.ctx.db.selectFrom('profile_versions').selectAll().where('case_id', '=', caseId).execute();
  const auditsOf = (caseId: string, action = 'chronology.batch') => t.ctx.db.selectFrom('audit_log').selectAll().where('case_id', '=', caseId).where('action', '=', action).execute();
  const items = (list: [string, EntryInput][]): BatchItem[] => list.map(([caseId, entry], index) => ({ index, caseId, entry }));

  it('stores the good entries across cases, reports each bad one by index, and leaves no row for a bad one', async () => {
    const outcome = await recordBatch(t.ctx, officer, items([
      [caseA, visit('A first', 'feed-1')],
      [caseB, visit('B first', 'feed-2')],
      [caseA, { ...visit('A bad', 'feed-3'), occurredAt: '2099-01-01', personIds: ['mum-a', 'ghost'] }],
      [caseA, { ...visit('A second', 'feed-4'), personIds: ['mum-a'] }],
      [caseA, { ...visit('A wrong correction', 'feed-5'), corrects: 'no-such-entry', correctionReason: 'Typo' }],
    ]));
    assert.deepEqual(outcome.stored.map((s) => s.index), [0, 1, 3]);
    assert.deepEqual(outcome.duplicates, []);
    assert.deepEqual(outcome.rejected.map((r) => [r.index, r.code]), [[2, 'invalid'], [4, 'unknown-correction']]);
    const invalid = outcome.rejected[0];
    assert.ok(invalid?.code === 'invalid');
    assert.deepEqual(invalid.problems, [{ code: 'occurred-in-future', path: '/occurredAt' }, { code: 'unknown-person', path: '/personIds/1' }]);
    assert.deepEqual((await entriesOf(caseA)).map((e) => e.summary), ['A first', 'A second']);
    assert.deepEqual((await entriesOf(caseB)).map((e) => e.summary), ['B first']);
    const stored = await t.ctx.db.selectFrom('chronology_entries').select('external_id').where('external_id', 'in', ['feed-3', 'feed-5']).execute();
    assert.deepEqual(stored, []);
  });

  it('writes one profile version and one audit entry per case, not one per entry', async () => {
    const [version] = await versionsOf(caseA);
    assert.equal((await versionsOf(caseA)).length, 1);
    assert.equal(version?.kind, 'event');
    assert.equal((version?.change as { summary: string }).summary, 'Chronology: 2 entries from an agency feed');
    const [audit] = await auditsOf(caseA);
    assert.equal((await auditsOf(caseA)).length, 1);
    const details = audit?.details as { count: number; rejected: number; entryIds: string[]; profileVersion: number };
    assert.equal(details.count, 2);
    assert.equal(details.rejected, 2);
    assert.equal(details.profileVersion, 1);
    assert.deepEqual(details.entryIds.sort(), (await entriesOf(caseA)).map((e) => e.id).sort());
    assert.equal((await versionsOf(caseB)).length, 1);
    assert.equal((await auditsOf(caseB)).length, 1);
  });

  it('stores nothing twice when the batch is sent again, and reports those entries as duplicates of the stored ones', async () => {
    const before = await entriesOf(caseA);
    const outcome = await recordBatch(t.ctx, officer, items([[caseA, visit('A first', 'feed-1')], [caseA, visit('A second', 'feed-4')], [caseA, visit('A third', 'feed-6')], [caseA, visit('A third again', 'feed-6')]]));
    assert.deepEqual(outcome.stored.map((s) => s.index), [2]);
    assert.deepEqual(outcome.duplicates, [
      { index: 0, id: before.find((e) => e.external_id === 'feed-1')?.id },
      { index: 1, id: before.find((e) => e.external_id === 'feed-4')?.id },
      { index: 3, id: outcome.stored[0]?.id },
    ]);
    assert.equal((await entriesOf(caseA)).length, 3);
    const [, second] = await auditsOf(caseA);
    assert.deepEqual([(second?.details as { count: number }).count, (second?.details as { duplicates: number }).duplicates], [1, 3]);
  });

  it('writes no version and no audit entry for a case when nothing new was stored for it', async () => {
    const versions = (await versionsOf(caseB)).length;
    const outcome = await recordBatch(t.ctx, officer, items([[caseB, visit('B first', 'feed-2')]]));
    assert.equal(outcome.duplicates.length, 1);
    assert.equal((await versionsOf(caseB)).length, versions);
    assert.equal((await auditsOf(caseB)).length, 1);
  });

  it('raises the alert each new entry raises when recorded alone: a discharge alerts the team', async () => {
    const outcome = await recordBatch(t.ctx, officer, items([[caseB, { ...visit('Discharged home', 'feed-7'), kind: 'hospital-discharge', source: 'agency-record' }], [caseB, visit('B visit', 'feed-8')]]));
    const alerts = await t.ctx.db.selectFrom('alerts').select(['reason', 'entry_id']).where('case_id', '=', caseB).execute();
    assert.deepEqual(alerts, [{ reason: 'discharge', entry_id: outcome.stored[0]?.id }]);
    const audit = (await auditsOf(caseB)).at(-1);
    assert.equal((audit?.details as { alerts: string[] }).alerts.length, 1);
  });

  it('refuses every entry for a case the caller cannot change, audits the refusal once for that case, and still stores the rest', async () => {
    const outcome = await recordBatch(t.ctx, officer, items([[closed, visit('Closed 1')], [caseB, visit('B second')], [closed, visit('Closed 2')], ['no-such-case', visit('Nowhere')]]));
    assert.deepEqual(outcome.rejected.map((r) => [r.index, r.code]), [[0, 'forbidden'], [2, 'forbidden'], [3, 'not-found']]);
    assert.deepEqual(outcome.stored.map((s) => s.index), [1]);
    assert.deepEqual((await auditsOf(closed)).map((a) => a.outcome), ['denied']);
    assert.deepEqual(await entriesOf(closed), []);
  });

  it('two batches with the same external ids at once: each entry stored once, the other batch told it is a duplicate, nothing fails', async () => {
    const same = items([[caseB, visit('Race 1', 'race-1')], [caseB, visit('Race 2', 'race-2')]]);
    const [first, second] = await Promise.all([recordBatch(t.ctx, officer, same), recordBatch(t.ctx, officer, same)]);
    const outcomes = [first, second];
    assert.equal(outcomes.flatMap((o) => o.stored).length, 2);
    assert.equal(outcomes.flatMap((o) => o.duplicates).length, 2);
    assert.equal(outcomes.flatMap((o) => o.rejected).length, 0);
    const stored = (await entriesOf(caseB)).filter((e) => e.external_id?.startsWith('race-'));
    assert.deepEqual(stored.map((e) => e.external_id).sort(), ['race-1', 'race-2']);
    const storedIds = new Set(stored.map((e) => e.id));
    assert.ok(outcomes.flatMap((o) => [...o.stored, ...o.duplicates]).every((w) => storedIds.has(w.id)), 'duplicates name the stored entries');
  });

  it('checks a new entry by the same rules as one recorded alone: a person not in the record is refused, by index', async () => {
    const outcome = await recordBatch(t.ctx, officer, items([[caseA, { ...visit('Unknown person', 'feed-20'), personIds: ['nobody'] }], [caseA, { ...visit('Known person', 'feed-21'), personIds: ['mum-a'] }]]));
    assert.deepEqual(outcome.rejected.map((r) => [r.index, r.code]), [[0, 'invalid']]);
    assert.deepEqual(outcome.stored.map((s) => s.index), [1]);
  });

  it('keeps each changed case\'s chronology once committed, in the order the database reads it, and the next change adds to it without reading it again', async () => {
    const timed = (summary: string, occurredAt: string, externalId: string): EntryInput => ({ ...visit(summary, externalId), occurredAt });
    await recordBatch(t.ctx, officer, items([[caseA, timed('Evening', '2026-11-18T19:00:00+00:00', 'order-1')], [caseA, timed('Morning', '2026-11-18T08:30:00+00:00', 'order-2')], [caseA, visit('Day only', 'order-3')]]));
    const version = (await t.ctx.db.selectFrom('cases').select('profile_version').where('id', '=', caseA).executeTakeFirstOrThrow()).profile_version;
    const kept = t.ctx.chronologies.at(caseA, version);
    assert.ok(kept, 'kept at the version the change wrote');
    assert.deepEqual(kept.map((e) => e.id), (await loadChronology(t.ctx.db, caseA)).map((e) => e.id));
    await recordBatch(t.ctx, officer, items([[caseA, timed('Earlier still', '2026-11-17T23:59:00+00:00', 'order-4')]]));
    const next = t.ctx.chronologies.at(caseA, version + 1);
    assert.deepEqual(next?.map((e) => e.id), (await loadChronology(t.ctx.db, caseA)).map((e) => e.id));
    assert.equal(t.ctx.chronologies.at(caseA, version), undefined, 'the older version is no longer kept');
  });

  it('evaluates a case whose chronology is kept while its entries are stored: the version holds the findings of evaluating it afresh, and a critical one alerts in the same change', async () => {
    const caseId = (await makeCase(t.ctx, { teamUserIds: [officer.userId] })).id;
    await recordBatch(t.ctx, officer, items([[caseId, visit('First visit', 'kept-1')]]));
    const version = (await t.ctx.db.selectFrom('cases').select('profile_version').where('id', '=', caseId).executeTakeFirstOrThrow()).profile_version;
    assert.ok(t.ctx.chronologies.at(caseId, version), 'kept, so the next batch evaluates while it stores');
    const injury: EntryInput = { kind: 'injury-observed', occurredAt: '2026-11-20', summary: 'Small bruise on the left ear', source: 'observed', externalId: 'kept-2' };
    const outcome = await recordBatch(t.ctx, officer, items([[caseId, injury], [caseId, visit('Second visit', 'kept-3')]]));
    assert.deepEqual(outcome.stored.map((s) => s.index), [0, 1]);
    const written = await t.ctx.db.selectFrom('profile_versions').select(['version', 'findings']).where('case_id', '=', caseId).orderBy('version', 'desc').executeTakeFirstOrThrow();
    assert.equal(written.version, version + 1);
    const afresh = await evaluateStoredProfile(t.ctx.db, caseId, serviceToday(t.clock.now()), (await settingsInForce(t.ctx)).settings);
    assert.deepEqual(written.findings, snapshotFindings(afresh!.evaluation));
    assert.ok(written.findings.some((finding) => finding.id === 'non-mobile-injury'));
    const alerts = await t.ctx.db.selectFrom('alerts').select(['reason', 'finding_id']).where('case_id', '=', caseId).orderBy('reason').execute();
    assert.deepEqual(alerts.map((a) => [a.reason, a.finding_id]), [['critical-finding', 'non-mobile-injury'], ['trigger-event', null]]);
  });

  it('stores every column of each entry as given, when the entries share some columns and differ in others (the INSERT sends the shared ones once)', async () => {
    const caseId = (await makeCase(t.ctx, { teamUserIds: [officer.userId] })).id;
    await makePerson(t.ctx, caseId, { id: `mum-${caseId}` });
    await recordBatch(t.ctx, officer, items([[caseId, visit('First', 'mixed-0')]]));
    const outcome = await recordBatch(t.ctx, officer, items([
      [caseId, visit('Plain', 'mixed-1')],
      [caseId, { ...visit('Timed, named, from another agency', 'mixed-2'), occurredAt: '2026-11-19T14:30:00+00:00', personIds: [`mum-${caseId}`], agency: 'Children\'s Centre', babySeen: true }],
      [caseId, { ...visit('With details', 'mixed-3'), significant: true, details: { note: 'Seen at the door' } }],
      [caseId, { kind: 'home-visit', occurredAt: '2026-11-20', summary: 'No external id', source: 'third-party' }],
    ]));
    assert.deepEqual(outcome.stored.map((s) => s.index), [0, 1, 2, 3]);
    const version = (await t.ctx.db.selectFrom('cases').select('profile_version').where('id', '=', caseId).executeTakeFirstOrThrow()).profile_version;
    // The entries as the change made them before the INSERT (the chronology was kept, so they were not read back), against the rows read back.
    assert.deepEqual(t.ctx.chronologies.at(caseId, version), await loadChronology(t.ctx.db, caseId));
    const stored = await entriesOf(caseId);
    assert.deepEqual(stored.map((e) => [e.summary, e.agency, e.baby_seen, e.significant, e.details, e.person_ids, e.source, e.external_id, e.occurred_at === null]), [
      ['First', 'County Police', null, false, {}, [], 'observed', 'mixed-0', true],
      ['No external id', 'County Police', null, false, {}, [], 'third-party', null, true],
      ['Plain', 'County Police', null, false, {}, [], 'observed', 'mixed-1', true],
      ['Timed, named, from another agency', 'Children\'s Centre', true, false, {}, [`mum-${caseId}`], 'observed', 'mixed-2', false],
      ['With details', 'County Police', null, true, { note: 'Seen at the door' }, [], 'observed', 'mixed-3', true],
    ]);
  });

  it('a profile read refused at once while its entries are stored (a connection lost in a failover) fails the batch with that error, never as an unhandled rejection that would stop the service', async () => {
    const caseId = (await makeCase(t.ctx, { teamUserIds: [officer.userId] })).id;
    await recordBatch(t.ctx, officer, items([[caseId, visit('First visit', 'lost-1')]]));
    const lost = new Error('Client has encountered a connection error and is not queryable');
    const refusingProfileReads: KyselyPlugin = {
      transformQuery: (args) => {
        if (args.node.kind === 'SelectQueryNode' && JSON.stringify(args.node).includes('"profile_assessments"')) throw lost;
        return args.node;
      },
      transformResult: async (args) => args.result,
    };
    const unhandled: unknown[] = [];
    const listener = (reason: unknown) => void unhandled.push(reason);
    process.on('unhandledRejection', listener);
    try {
      await assert.rejects(recordBatch({ ...t.ctx, db: t.ctx.db.withPlugin(refusingProfileReads) }, officer, items([[caseId, visit('Second visit', 'lost-2')]])), lost);
      await new Promise((resolve) => setImmediate(resolve));
    } finally {
      process.off('unhandledRejection', listener);
    }
    assert.deepEqual(unhandled, []);
    assert.deepEqual((await entriesOf(caseId)).map((e) => e.summary), ['First visit'], 'nothing of the refused batch stored');
  });
});
