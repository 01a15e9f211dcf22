import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { makeCase, makePerson } from '../../../test/helpers/factories.ts';
import { officerOnCase } from '../../../test/helpers/officer-on-case.ts';
import { createTestApp, type TestApp } from '../../../test/helpers/test-app.ts';
import { runForRequest } from '../../infrastructure/process/request-scope.ts';
import type { UserActor } from '../actor.ts';
import type { AppContext } from '../context.ts';
import { recordEntry, type EntryInput, type RecordEntryResult } from './record-entry.ts';

const visit = (summary: string, externalId?: string): EntryInput => ({ kind: 'home-visit', occurredAt: '2026-11-20', summary, source: 'agency-record', ...(externalId ? { externalId } : {}) });
const attendance = (summary: string): EntryInput => ({ ...visit(summary), kind: 'emergency-attendance' });

describe('single events for one case, recorded together while one is being recorded (ADR 0021)', () => {
  let t: TestApp;
  let officer: UserActor;
  let outsider: UserActor;
  let caseId: string;

  before(async () => {
    t = await createTestApp();
    ({ officer, outsider, caseId } = await officerOnCase(t.ctx));
  });
  after(async () => t.close());

  const versions = () => t.ctx.db.selectFrom('profile_versions').select(['version', 'change']).where('case_id', '=', caseId).orderBy('version').execute();
  const audits = () => t.ctx.db.selectFrom('audit_log').select(['action', 'outcome', 'subject_type', 'details', 'request_id']).where('case_id', '=', caseId).where('action', '=', 'chronology.record').orderBy('seq').execute();
  /** Every event sent at once: the first is recorded alone, the rest wait and go together. */
  const atOnce = (entries: readonly EntryInput[], ctx: AppContext = t.ctx, actor = officer) => Promise.allSettled(entries.map((entry, i) => runForRequest(`request-${String(i)}`, () => recordEntry(ctx, actor, caseId, entry))));
  const stored = (result: PromiseSettledResult<RecordEntryResult>) => {
    assert.equal(result.status, 'fulfilled');
    assert.ok(result.value.ok, JSON.stringify(result.value));
    return result.value;
  };

  it('answers each event with its own entry, under one version and one audit entry for those that waited', async () => {
    const [before, auditsBefore] = [(await versions()).length, (await audits()).length];
    const answers = (await atOnce([visit('First', 'feed-1'), visit('Second', 'feed-2'), visit('Third', 'feed-3'), visit('Fourth', 'feed-4')])).map(stored);
    assert.deepEqual(answers.map((a) => [a.entry.summary, a.entry.externalId, a.duplicate]), [['First', 'feed-1', false], ['Second', 'feed-2', false], ['Third', 'feed-3', false], ['Fourth', 'feed-4', false]]);
    const [alone, together] = (await versions()).slice(before);
    assert.equal((await versions()).length, before + 2);
    assert.equal((alone!.change as { entryId: string }).entryId, answers[0]!.entry.id);
    assert.deepEqual((together!.change as { entryIds: string[] }).entryIds, answers.slice(1).map((a) => a.entry.id));
    const [single, group] = (await audits()).slice(auditsBefore);
    assert.equal(single!.subject_type, 'chronology-entry');
    assert.equal(single!.request_id, 'request-0');
    assert.equal(group!.subject_type, 'case');
    // The group's entry is written in the request of the first event that waited.
    assert.equal(group!.request_id, 'request-1');
    assert.deepEqual(group!.details, {
      together: 3,
      profileVersion: together!.version,
      entries: answers.slice(1).map((a) => ({ id: a.entry.id, kind: 'home-visit', externalId: a.entry.externalId })),
    });
  });

  it('answers an event refused or already stored alone, and records the others', async () => {
    const answers = await atOnce([visit('Alone', 'feed-5'), { ...visit('Ghost'), personIds: ['ghost'] }, visit('Again', 'feed-1'), visit('Good', 'feed-6')]);
    const refused = answers[1];
    assert.ok(refused?.status === 'fulfilled' && !refused.value.ok && refused.value.code === 'invalid');
    assert.deepEqual(refused.value.problems, [{ code: 'unknown-person', path: '/personIds/0' }]);
    const again = stored(answers[2]!);
    assert.equal(again.duplicate, true);
    assert.equal(again.entry.summary, 'First');
    assert.deepEqual(again.alerts, []);
    assert.equal(stored(answers[3]!).entry.summary, 'Good');
    // One entry written in the group: its version and audit entry are a single entry's.
    const group = (await audits()).at(-1)!;
    assert.equal(group.subject_type, 'chronology-entry');
    assert.equal((group.details as { externalId: string }).externalId, 'feed-6');
  });

  it('answers each event with its own entry’s alert, and none with another’s', async () => {
    const answers = (await atOnce([visit('Before'), attendance('A&E one'), visit('Between'), attendance('A&E two')])).map(stored);
    const own = (answer: RecordEntryResult & { ok: true }) => answer.alerts.filter((alert) => alert.findingId === undefined);
    assert.deepEqual(own(answers[2]!), []);
    const [one, two] = [own(answers[1]!), own(answers[3]!)];
    assert.deepEqual([one.map((a) => a.reason), two.map((a) => a.reason)], [['emergency-attendance'], ['emergency-attendance']]);
    assert.notEqual(one[0]!.id, two[0]!.id);
    const stores = await t.ctx.db.selectFrom('alerts').select(['id', 'entry_id']).where('id', 'in', [one[0]!.id, two[0]!.id]).execute();
    assert.deepEqual(new Map(stores.map((s) => [s.id, s.entry_id])), new Map([[one[0]!.id, answers[1]!.entry.id], [two[0]!.id, answers[3]!.entry.id]]));
  });

  it('fails every event of a group whose transaction rolls back, and stores none of them', async () => {
    const taken = (await t.ctx.db.selectFrom('chronology_entries').select('id').where('case_id', '=', caseId).executeTakeFirstOrThrow()).id;
    // Every new entry given an id already stored: the INSERT fails and the transaction rolls back.
    const failing = { ...t.ctx, newId: () => taken };
    const answers = await atOnce([visit('Lost one', 'lost-1'), visit('Lost two', 'lost-2'), visit('Lost three', 'lost-3')], failing);
    assert.deepEqual(answers.map((a) => a.status), ['rejected', 'rejected', 'rejected']);
    const lost = await t.ctx.db.selectFrom('chronology_entries').select('id').where('external_id', 'like', 'lost-%').execute();
    assert.deepEqual(lost, []);
  });

  it('refuses every event of a caller outside the team, each answered and the refusals audited', async () => {
    const answers = await atOnce([visit('Not mine'), visit('Nor this'), visit('Nor that')], t.ctx, outsider);
    assert.deepEqual(answers.map((a) => a.status === 'fulfilled' && !a.value.ok && a.value.code), ['forbidden', 'forbidden', 'forbidden']);
    const denied = await t.ctx.db.selectFrom('audit_log').select('request_id').where('case_id', '=', caseId).where('outcome', '=', 'denied').orderBy('seq').execute();
    // The first alone, the two that waited together: one refusal audited for each transaction.
    assert.deepEqual(denied.map((d) => d.request_id), ['request-0', 'request-1']);
  });
});

describe('single events for several cases from one caller, recorded together (ADR 0021)', () => {
  let t: TestApp;
  let officer: UserActor;
  let cases: string[];

  before(async () => {
    t = await createTestApp();
    const first = await officerOnCase(t.ctx);
    officer = first.officer;
    cases = [first.caseId];
    for (const person of ['mum-b', 'mum-c']) {
      const { id } = await makeCase(t.ctx, { teamUserIds: [officer.userId] });
      await makePerson(t.ctx, id, { id: person });
      cases.push(id);
    }
  });
  after(async () => t.close());

  /** Every event sent at once, each on its case: the first is recorded alone, the rest wait and go together. */
  const atOnce = (events: readonly [string, EntryInput][]) => Promise.allSettled(events.map(([caseId, entry], i) => runForRequest(`request-${String(i)}`, () => recordEntry(t.ctx, officer, caseId, entry))));
  const latestVersion = (caseId: string) =>
    t.ctx.db.selectFrom('profile_versions').select(['change', sql<string>`xmin::text`.as('transaction')]).where('case_id', '=', caseId).orderBy('version', 'desc').executeTakeFirstOrThrow();
  const latestAudit = (caseId: string) =>
    t.ctx.db.selectFrom('audit_log').select(['subject_type', 'subject_id', 'request_id']).where('case_id', '=', caseId).where('action', '=', 'chronology.record').orderBy('seq', 'desc').executeTakeFirstOrThrow();
  const storedEntries = (like: string) => t.ctx.db.selectFrom('chronology_entries').select('summary').where('summary', 'like', like).orderBy('summary').execute();

  it('records the waiting events of every case in one transaction, each case with its own version and audit entry in its own event’s request', async () => {
    const [a, b, c] = cases as [string, string, string];
    const answers = await atOnce([[a, visit('Alone on a')], [b, visit('On b')], [a, visit('Then on a')], [c, visit('On c')]]);
    const entries = answers.map((answer) => {
      assert.ok(answer.status === 'fulfilled' && answer.value.ok, JSON.stringify(answer));
      return answer.value.entry;
    });
    assert.deepEqual(entries.map((entry) => entry.summary), ['Alone on a', 'On b', 'Then on a', 'On c']);
    const [versionA, versionB, versionC] = await Promise.all(cases.map(latestVersion));
    assert.equal(versionB!.transaction, versionA!.transaction);
    assert.equal(versionC!.transaction, versionA!.transaction);
    assert.equal((versionA!.change as { entryId: string }).entryId, entries[2]!.id);
    assert.equal((versionB!.change as { entryId: string }).entryId, entries[1]!.id);
    const audits = await Promise.all(cases.map(latestAudit));
    assert.deepEqual(audits.map((audit) => [audit.subject_type, audit.subject_id, audit.request_id]), [
      ['chronology-entry', entries[2]!.id, 'request-2'],
      ['chronology-entry', entries[1]!.id, 'request-1'],
      ['chronology-entry', entries[3]!.id, 'request-3'],
    ]);
  });

  it('fails only the events of a case whose change fails, and records the other cases’ events', async () => {
    const [a, b, c] = cases as [string, string, string];
    await failingInsertsFor(t, b, 'BEFORE INSERT', 'NOT DEFERRABLE');
    try {
      const answers = await atOnce([[a, visit('Failing 1 alone')], [a, visit('Failing 2 on a')], [b, visit('Failing 3 on b')], [c, visit('Failing 4 on c')]]);
      assert.deepEqual(answers.map((answer) => answer.status), ['fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
      assert.match(String((answers[2] as PromiseRejectedResult).reason), /refused for the test/);
      assert.deepEqual((await storedEntries('Failing %')).map((entry) => entry.summary), ['Failing 1 alone', 'Failing 2 on a', 'Failing 4 on c']);
    } finally {
      await dropFailingInserts(t);
    }
  });

  it('fails every event of a group whose commit fails, trying none again', async () => {
    const [a, b, c] = cases as [string, string, string];
    await failingInsertsFor(t, b, 'AFTER INSERT', 'DEFERRABLE INITIALLY DEFERRED');
    try {
      const answers = await atOnce([[a, visit('Commit 1 alone')], [a, visit('Commit 2 on a')], [b, visit('Commit 3 on b')], [c, visit('Commit 4 on c')]]);
      assert.deepEqual(answers.map((answer) => answer.status), ['fulfilled', 'rejected', 'rejected', 'rejected']);
      assert.deepEqual((await storedEntries('Commit %')).map((entry) => entry.summary), ['Commit 1 alone']);
    } finally {
      await dropFailingInserts(t);
    }
  });
});

/** A constraint trigger that refuses every chronology entry of one case, at the INSERT or (deferred) at the commit. */
async function failingInsertsFor(t: TestApp, caseId: string, when: 'BEFORE INSERT' | 'AFTER INSERT', timing: string): Promise<void> {
  await sql`CREATE FUNCTION refuse_for_test() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'refused for the test'; END $$`.execute(t.ctx.db);
  const constraint = when === 'AFTER INSERT' ? sql.raw('CONSTRAINT') : sql.raw('');
  await sql`CREATE ${constraint} TRIGGER refuse_for_test ${sql.raw(when)} ON chronology_entries ${sql.raw(when === 'AFTER INSERT' ? timing : '')} FOR EACH ROW WHEN (NEW.case_id = ${sql.lit(caseId)}) EXECUTE FUNCTION refuse_for_test()`.execute(t.ctx.db);
}

async function dropFailingInserts(t: TestApp): Promise<void> {
  await sql`DROP TRIGGER refuse_for_test ON chronology_entries`.execute(t.ctx.db);
  await sql`DROP FUNCTION refuse_for_test()`.execute(t.ctx.db);
}
