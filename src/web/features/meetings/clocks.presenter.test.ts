import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { presentClocks } from './clocks.presenter.ts';

describe('the clocks in words', () => {
  it('words each status with its tag, and says when a met clock was met and whether late', () => {
    const base = { label: 'Initial child protection conference', timescale: 'within 15 working days of the strategy discussion', startedOn: '2026-10-01', dueOn: '2026-10-22' };
    const rows = presentClocks([
      { ...base, id: 'initial-conference', status: 'met', metOn: '2026-10-23', metBy: 'initial-conference', late: true },
      { ...base, id: 'first-core-group', status: 'met', metOn: '2026-10-20', metBy: 'core-group', late: false },
      { ...base, id: 'assessment', status: 'overdue' },
      { ...base, id: 'referral-decision', status: 'due-soon' },
      { ...base, id: 'first-review-conference', status: 'due' },
    ]);
    assert.deepEqual(rows.map((r) => [r.status, r.tag, r.met]), [
      ['Met late', 'govuk-tag--orange', 'Met late on 23 October 2026'],
      ['Met', 'govuk-tag--green', 'Met on 20 October 2026'],
      ['Overdue', 'govuk-tag--red', null],
      ['Due soon', 'govuk-tag--yellow', null],
      ['Due', 'govuk-tag--blue', null],
    ]);
    assert.equal(rows[0]!.started, '1 October 2026');
    assert.equal(rows[0]!.due, '22 October 2026');
  });
});
