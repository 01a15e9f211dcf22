import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { entryFromRow, type ChronologyRow } from './chronology-rows.ts';

/** A stored entry that happened at a moment (or, with `occurredAt` null, on a day only). */
function row(occurredAt: string | null, occurredOn = '2026-06-04'): ChronologyRow {
  return {
    case_id: 'case-1',
    id: 'entry-1',
    kind: 'home-visit',
    occurred_on: occurredOn,
    occurred_at: occurredAt === null ? null : new Date(occurredAt),
    recorded_at: new Date('2026-06-05T08:00:00Z'),
    recorded_by: null,
    recorded_by_name: 'Test Practitioner',
    organisation_id: 'org-1',
    agency: 'Health visiting',
    agency_kind: 'health-visiting',
    summary: 'Visit',
    source: 'observed',
    person_ids: [],
    present_ids: [],
    victim_ids: [],
    perpetrator_ids: [],
    indicates: [],
    significant: false,
    baby_seen: true,
    substance: null,
    gestation_weeks: null,
    details: {},
    corrects: null,
    correction_reason: null,
    external_id: null,
  };
}

describe('a chronology moment in the service’s time zone', () => {
  it('keeps the UK day of a moment just after midnight in summer, with its offset', () => {
    assert.equal(entryFromRow(row('2026-06-04T23:30:00Z')).occurredAt, '2026-06-05T00:30:00+01:00');
  });

  it('uses +00:00 in winter', () => {
    assert.equal(entryFromRow(row('2026-11-20T23:10:00Z')).occurredAt, '2026-11-20T23:10:00+00:00');
  });

  it('names the same instant', () => {
    const moment = '2026-03-29T00:59:59Z';
    assert.equal(Date.parse(entryFromRow(row(moment)).occurredAt), Date.parse(moment));
  });

  it('keeps a day with no time as the day', () => {
    assert.equal(entryFromRow(row(null, '2026-06-04')).occurredAt, '2026-06-04');
  });
});
