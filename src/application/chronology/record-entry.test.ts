import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
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
