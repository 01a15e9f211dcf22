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

const plan = (...checkItems: CheckItem[]): Plan => ({ level: 'child-in-need', outcomes: [], checkItems, actions: [], visits: [] });

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
  const weekly = plan(item('w', { frequency: 'weekly' }));
  const monthly = plan(item('m', { frequency: 'monthly' }));
  const byAgency = plan(item('any'), item('hv', { checkedBy: ['health-visiting'] }), item('both', { checkedBy: ['housing', 'gp'] }));
  // Each row: the plan, who visits (housing unless said), the checks so far, the day (TODAY unless said), and what is due.
  const cases: { when: string; plan: Plan | null; visitor?: string; checks?: RecordedCheck[]; today?: string; due: string[] }[] = [
    { when: 'without a plan, nothing', plan: null, due: [] },
    { when: 'an item naming no agency: every visitor; a named agency only', plan: byAgency, due: ['any', 'both'] },
    { when: 'health visiting sees its own item and the open one', plan: byAgency, visitor: 'health-visiting', due: ['any', 'hv'] },
    { when: 'an agency named by no item sees only the open one', plan: byAgency, visitor: 'police', due: ['any'] },
    { when: 'every contact: however recently it was checked', plan: plan(item('a')), checks: [check('a', TODAY)], due: ['a'] },
    { when: 'not before the day it is checked since', plan: plan(item('a', { since: '2026-11-23' })), due: [] },
    { when: 'from the day it is checked since', plan: plan(item('a', { since: TODAY })), due: ['a'] },
    { when: 'weekly, never checked', plan: weekly, due: ['w'] },
    { when: 'weekly, checked today', plan: weekly, checks: [check('w', TODAY)], due: [] },
    { when: 'weekly, checked 6 days ago', plan: weekly, checks: [check('w', '2026-11-16')], due: [] },
    { when: 'weekly, checked 7 days ago', plan: weekly, checks: [check('w', '2026-11-15')], due: ['w'] },
    { when: 'weekly, a concern counts as checked', plan: weekly, checks: [check('w', '2026-11-20', 'concern')], due: [] },
    { when: 'weekly, could not check does not count', plan: weekly, checks: [check('w', '2026-11-20', 'not-checked')], due: ['w'] },
    { when: 'weekly, checked by another agency counts', plan: weekly, checks: [check('w', '2026-11-20', 'no-concern', { agencyKind: 'gp' })], due: [] },
    { when: 'weekly, a check of another item does not count', plan: weekly, checks: [check('other', '2026-11-20')], due: ['w'] },
    { when: 'weekly, a check dated after today does not count', plan: weekly, checks: [check('w', '2026-11-23')], due: ['w'] },
    { when: 'monthly, checked after the same day last month', plan: monthly, checks: [check('m', '2026-10-23')], due: [] },
    { when: 'monthly, checked on the same day last month', plan: monthly, checks: [check('m', '2026-10-22')], due: ['m'] },
    // 31 March: the same day last month is the last day of February.
    { when: 'monthly on 31 March, checked on 1 March', plan: monthly, checks: [check('m', '2027-03-01')], today: '2027-03-31', due: [] },
    { when: 'monthly on 31 March, checked on 28 February', plan: monthly, checks: [check('m', '2027-02-28')], today: '2027-03-31', due: ['m'] },
  ];
  for (const row of cases) {
    it(row.when, () => {
      assert.deepEqual(ids(dueCheckItems(row.plan, row.visitor ?? 'housing', row.checks ?? [], row.today ?? TODAY)), row.due);
    });
  }
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
