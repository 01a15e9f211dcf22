import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { releasedDisclosureDisposeOn, releasedDisclosureRetention } from './release-retention.ts';

describe('how long a released disclosure is kept', () => {
  it('ends its period on the same day the set number of years after its release', () => {
    assert.equal(releasedDisclosureDisposeOn('2023-11-22', 3), '2026-11-22');
    assert.equal(releasedDisclosureDisposeOn('2023-11-22', 6), '2029-11-22');
  });

  it('counts a release on 29 February to the last day of February in a year without one', () => {
    assert.equal(releasedDisclosureDisposeOn('2024-02-29', 3), '2027-02-28');
    assert.equal(releasedDisclosureDisposeOn('2024-02-29', 4), '2028-02-29');
  });

  it('is due on its disposal day and after, not the day before', () => {
    assert.deepEqual(releasedDisclosureRetention('2023-11-22', 3, [], '2026-11-21'), { disposeOn: '2026-11-22', ended: false, heldBy: [], due: false });
    assert.equal(releasedDisclosureRetention('2023-11-22', 3, [], '2026-11-22').due, true);
    assert.equal(releasedDisclosureRetention('2023-11-22', 3, [], '2030-01-01').due, true);
  });

  it('is kept, its period ended, while a hold stands on a record it drew on; a hold before its end changes nothing', () => {
    assert.deepEqual(releasedDisclosureRetention('2023-11-22', 3, ['Child safeguarding practice review'], '2026-12-01'), { disposeOn: '2026-11-22', ended: true, heldBy: ['Child safeguarding practice review'], due: false });
    assert.deepEqual(releasedDisclosureRetention('2023-11-22', 3, ['Litigation'], '2026-01-01'), { disposeOn: '2026-11-22', ended: false, heldBy: ['Litigation'], due: false });
  });

  it('follows a longer period an area sets: not due at three years when it keeps them six', () => {
    assert.equal(releasedDisclosureRetention('2023-11-22', 6, [], '2026-11-22').due, false);
  });
});
