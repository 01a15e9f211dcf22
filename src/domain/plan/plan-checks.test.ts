import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { correction, entry } from '../chronology/chronology.test-support.ts';
import type { RecordedPlanCheck } from '../chronology/chronology.types.ts';
import { checkPlanAnswers, checksFromEntries, dueCheckItems, lastChecks, recordedChecks, type RecordedCheck } from './plan-checks.ts';
import type { CheckItem, Plan } from './plan.types.ts';

const item = (id: string, overrides: Partial<CheckItem> = {}): CheckItem => ({
  id,
  text: `Item ${id}`,
  question: `Question ${id}?`,
  checkedBy: [],
  frequency: 'every-contact',
  since: '2026-01-01',
  ...overrides,
});

const plan = (...checkItems: CheckItem[]): Plan => ({ level: 'child-in-need', outcomes: [], checkItems, actions: [] });

const check = (itemId: string, day: string, outcome: RecordedCheck['outcome'] = 'no-concern', overrides: Partial<RecordedCheck> = {}): RecordedCheck => ({
  itemId,
  text: `Item ${itemId}`,
  outcome,
  note: outcome === 'no-concern' ? '' : 'A note',
  entryId: `e-${day}`,
  day,
  recordedAt: `${day}T12:00:00Z`,
  recordedBy: 'A visitor',
  agency: 'Housing',
  agencyKind: 'housing',
  ...overrides,
});

const ids = (items: readonly { id: string }[]) => items.map((i) => i.id);
const TODAY = '2026-11-22';

describe('which check items are due for a visitor', () => {
  it('has nothing due without a plan', () => {
    assert.deepEqual(dueCheckItems(null, 'housing', [], TODAY), []);
  });

  it('asks every visitor an item naming no agency, and only the named agencies otherwise', () => {
    const p = plan(item('any'), item('hv', { checkedBy: ['health-visiting'] }), item('both', { checkedBy: ['housing', 'gp'] }));
    assert.deepEqual(ids(dueCheckItems(p, 'housing', [], TODAY)), ['any', 'both']);
    assert.deepEqual(ids(dueCheckItems(p, 'health-visiting', [], TODAY)), ['any', 'hv']);
    assert.deepEqual(ids(dueCheckItems(p, 'police', [], TODAY)), ['any']);
  });

  it('asks an every-contact item at every contact, however recently it was checked', () => {
    assert.deepEqual(ids(dueCheckItems(plan(item('a')), 'housing', [check('a', TODAY)], TODAY)), ['a']);
  });

  it('does not ask an item before the day it is checked since', () => {
    assert.deepEqual(dueCheckItems(plan(item('a', { since: '2026-11-23' })), 'housing', [], TODAY), []);
    assert.deepEqual(ids(dueCheckItems(plan(item('a', { since: TODAY })), 'housing', [], TODAY)), ['a']);
  });

  it('asks a weekly item unless it was checked in the last 7 days, today included', () => {
    const p = plan(item('w', { frequency: 'weekly' }));
    assert.deepEqual(ids(dueCheckItems(p, 'housing', [], TODAY)), ['w']);
    assert.deepEqual(dueCheckItems(p, 'housing', [check('w', TODAY)], TODAY), []);
    assert.deepEqual(dueCheckItems(p, 'housing', [check('w', '2026-11-16')], TODAY), [], '6 days ago');
    assert.deepEqual(ids(dueCheckItems(p, 'housing', [check('w', '2026-11-15')], TODAY)), ['w'], '7 days ago');
  });

  it('counts a concern as checked, but not "could not check"', () => {
    const p = plan(item('w', { frequency: 'weekly' }));
    assert.deepEqual(dueCheckItems(p, 'housing', [check('w', '2026-11-20', 'concern')], TODAY), []);
    assert.deepEqual(ids(dueCheckItems(p, 'housing', [check('w', '2026-11-20', 'not-checked')], TODAY)), ['w']);
  });

  it('counts a check by any agency, and only checks of that item', () => {
    const p = plan(item('w', { frequency: 'weekly' }));
    assert.deepEqual(dueCheckItems(p, 'housing', [check('w', '2026-11-20', 'no-concern', { agencyKind: 'gp' })], TODAY), []);
    assert.deepEqual(ids(dueCheckItems(p, 'housing', [check('other', '2026-11-20')], TODAY)), ['w']);
  });

  it('asks a monthly item unless it was checked after the same day last month', () => {
    const p = plan(item('m', { frequency: 'monthly' }));
    assert.deepEqual(dueCheckItems(p, 'housing', [check('m', '2026-10-23')], TODAY), []);
    assert.deepEqual(ids(dueCheckItems(p, 'housing', [check('m', '2026-10-22')], TODAY)), ['m']);
    // 31 March: the same day last month is the last day of February.
    assert.deepEqual(dueCheckItems(p, 'housing', [check('m', '2027-03-01')], '2027-03-31'), []);
    assert.deepEqual(ids(dueCheckItems(p, 'housing', [check('m', '2027-02-28')], '2027-03-31')), ['m']);
  });

  it('does not count a check dated after today', () => {
    assert.deepEqual(ids(dueCheckItems(plan(item('w', { frequency: 'weekly' })), 'housing', [check('w', '2026-11-23')], TODAY)), ['w']);
  });
});

describe('checking the answers', () => {
  const p = plan(item('a'), item('b'), item('c'));
  const due = [p.checkItems[0]!, p.checkItems[1]!];

  it('accepts an answer for every due item, trimmed, and an answer for an item of the plan not due', () => {
    const result = checkPlanAnswers(
      [
        { itemId: 'a', outcome: 'no-concern', note: '  ' },
        { itemId: 'b', outcome: 'concern', note: ' Baby asleep on the sofa ' },
        { itemId: 'c', outcome: 'not-checked', note: 'Bedroom door locked' },
      ],
      p,
      due,
    );
    assert.deepEqual(result, {
      ok: true,
      answers: [
        { itemId: 'a', outcome: 'no-concern', note: '' },
        { itemId: 'b', outcome: 'concern', note: 'Baby asleep on the sofa' },
        { itemId: 'c', outcome: 'not-checked', note: 'Bedroom door locked' },
      ],
    });
  });

  it('accepts no answers when nothing is due', () => {
    assert.deepEqual(checkPlanAnswers([], null, []), { ok: true, answers: [] });
  });

  it('refuses an answer for an item not in the plan, with a clear message at its path', () => {
    const result = checkPlanAnswers([{ itemId: 'a', outcome: 'no-concern' }, { itemId: 'b', outcome: 'no-concern' }, { itemId: 'zz', outcome: 'no-concern' }], p, due);
    assert.deepEqual(result, { ok: false, problems: [{ code: 'unknown-item', path: '/planChecks/2/itemId' }] });
    assert.deepEqual(checkPlanAnswers([{ itemId: 'a', outcome: 'no-concern' }], null, []), { ok: false, problems: [{ code: 'unknown-item', path: '/planChecks/0/itemId' }] });
  });

  it('refuses an answer without an item, an item answered twice, and a due item not answered', () => {
    const result = checkPlanAnswers([{ outcome: 'no-concern' }, { itemId: 'a', outcome: 'no-concern' }, { itemId: 'a', outcome: 'no-concern' }], p, due);
    assert.deepEqual(result, {
      ok: false,
      problems: [
        { code: 'item-needed', path: '/planChecks/0/itemId' },
        { code: 'duplicate-item', path: '/planChecks/2/itemId', itemId: 'a' },
        { code: 'answer-needed', path: '/planChecks', itemId: 'b' },
      ],
    });
  });

  it('needs an answer, and a note for a concern (what was seen) and for could not check (why)', () => {
    const result = checkPlanAnswers(
      [
        { itemId: 'a', outcome: '' },
        { itemId: 'b', outcome: 'concern', note: ' ' },
        { itemId: 'c', outcome: 'not-checked' },
      ],
      p,
      due,
    );
    assert.deepEqual(result, {
      ok: false,
      problems: [
        { code: 'answer-needed', path: '/planChecks/0/outcome', itemId: 'a' },
        { code: 'concern-note-needed', path: '/planChecks/1/note', itemId: 'b' },
        { code: 'not-checked-note-needed', path: '/planChecks/2/note', itemId: 'c' },
      ],
    });
    assert.deepEqual(checkPlanAnswers([{ itemId: 'a', outcome: 'maybe' }, { itemId: 'b', outcome: 'no-concern' }], p, due), {
      ok: false,
      problems: [{ code: 'answer-needed', path: '/planChecks/0/outcome', itemId: 'a' }],
    });
  });

  it('refuses a note that is too long', () => {
    const result = checkPlanAnswers([{ itemId: 'a', outcome: 'no-concern', note: 'x'.repeat(2001) }, { itemId: 'b', outcome: 'no-concern' }], p, due);
    assert.deepEqual(result, { ok: false, problems: [{ code: 'note-too-long', path: '/planChecks/0/note', itemId: 'a' }] });
  });
});

describe('the checks recorded so far', () => {
  const stored = (itemId: string, outcome: RecordedPlanCheck['outcome'], note = ''): RecordedPlanCheck => ({ itemId, text: `Item ${itemId}`, outcome, note });

  it('keeps each answer with its item words, factor and person', () => {
    const p = plan(item('a', { factorId: 'alcohol-misuse', personId: 'mum' }), item('b'));
    assert.deepEqual(recordedChecks([{ itemId: 'a', outcome: 'concern', note: 'Cans everywhere' }, { itemId: 'b', outcome: 'no-concern', note: '' }], p), [
      { itemId: 'a', text: 'Item a', outcome: 'concern', note: 'Cans everywhere', factorId: 'alcohol-misuse', personId: 'mum' },
      { itemId: 'b', text: 'Item b', outcome: 'no-concern', note: '' },
    ]);
  });

  it('reads them from the current entries, oldest first, with when, who and which agency', () => {
    const late = entry('late', 'home-visit', '2026-11-20', { planChecks: [stored('a', 'concern', 'Seen')], recordedBy: 'Hana', agency: 'Health visiting' });
    const early = entry('early', 'clinic-contact', '2026-11-10', { planChecks: [stored('a', 'no-concern'), stored('b', 'not-checked', 'Away')], recordedBy: 'Ola', agency: 'Housing', agencyKind: 'housing' });
    const other = entry('other', 'home-visit', '2026-11-15');
    const checks = checksFromEntries([late, early, other]);
    assert.deepEqual(
      checks.map((c) => [c.itemId, c.day, c.outcome, c.recordedBy, c.agency, c.entryId]),
      [
        ['a', '2026-11-10', 'no-concern', 'Ola', 'Housing', 'early'],
        ['b', '2026-11-10', 'not-checked', 'Ola', 'Housing', 'early'],
        ['a', '2026-11-20', 'concern', 'Hana', 'Health visiting', 'late'],
      ],
    );
  });

  it('leaves out the answers of a contact that has been corrected', () => {
    const wrong = entry('wrong', 'home-visit', '2026-11-20', { planChecks: [stored('a', 'concern', 'Seen')] });
    const fixed = correction('fixed', wrong, { planChecks: [stored('a', 'no-concern')] });
    assert.deepEqual(checksFromEntries([wrong, fixed]).map((c) => [c.entryId, c.outcome]), [['fixed', 'no-concern']]);
    const fixedWithout = correction('fixed2', { ...wrong, planChecks: undefined }, {});
    assert.deepEqual(checksFromEntries([wrong, { ...fixedWithout, corrects: 'wrong' }]), []);
  });

  it('gives the last answer of each item in the plan, could not check included', () => {
    const p = plan(item('a'), item('b'), item('never'));
    const last = lastChecks(p, [check('a', '2026-11-01'), check('b', '2026-11-02'), check('a', '2026-11-05', 'not-checked'), check('gone', '2026-11-06')]);
    assert.deepEqual([...last.entries()].map(([id, c]) => [id, c.day, c.outcome]), [
      ['a', '2026-11-05', 'not-checked'],
      ['b', '2026-11-02', 'no-concern'],
    ]);
    assert.equal(lastChecks(null, [check('a', '2026-11-01')]).size, 0);
  });
});
