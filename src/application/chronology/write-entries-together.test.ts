import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ChronologyRow } from './chronology-rows.ts';
import { sharedAndOwnColumns } from './write-entries-together.ts';

const recordedAt = new Date('2026-11-22T09:00:00.000Z');
const row = (n: number, changes: Partial<ChronologyRow> = {}): ChronologyRow => ({
  case_id: `case-${String(n % 3)}`,
  id: `entry-${String(n)}`,
  kind: 'home-visit',
  occurred_on: '2026-11-20',
  occurred_at: null,
  recorded_at: new Date(recordedAt),
  recorded_by: 'user-1',
  recorded_by_name: 'PC Lane',
  organisation_id: 'org-1',
  agency: 'County Police',
  agency_kind: 'police',
  summary: `Entry ${String(n)}`,
  source: 'agency-record',
  person_ids: [],
  present_ids: [],
  victim_ids: [],
  perpetrator_ids: [],
  indicates: [],
  significant: false,
  baby_seen: null,
  substance: null,
  gestation_weeks: null,
  details: {},
  corrects: null,
  correction_reason: null,
  external_id: `feed-${String(n)}`,
  ...changes,
});

/** Each row as the database builds it from the two texts: the shared columns, overlaid by the row's own. */
const rebuilt = ({ shared, own }: { shared: string; own: string }) => (JSON.parse(own) as object[]).map((columns) => ({ ...(JSON.parse(shared) as object), ...columns }));
const asJson = (rows: readonly ChronologyRow[]) => JSON.parse(JSON.stringify(rows)) as object[];

describe('a batch\'s rows as the columns they share and their own', () => {
  it('gives every row back as it was, when columns usually shared differ in some rows', () => {
    const rows = [
      row(1),
      row(2, { person_ids: ['mum'], details: { referralSource: 'school' }, agency: 'Other Agency' }),
      row(3, { occurred_at: new Date('2026-11-20T14:30:00.000Z'), baby_seen: true, indicates: [{ factorId: 'domestic-abuse' }] }),
      row(4, { recorded_at: new Date('2026-11-22T09:00:01.000Z'), significant: true }),
    ];
    const split = sharedAndOwnColumns(rows);
    assert.deepEqual(rebuilt(split), asJson(rows));
    assert.deepEqual(Object.keys(JSON.parse(split.shared) as object).sort(), ['agency_kind', 'correction_reason', 'corrects', 'gestation_weeks', 'kind', 'occurred_on', 'organisation_id', 'perpetrator_ids', 'present_ids', 'recorded_by', 'recorded_by_name', 'source', 'substance', 'victim_ids']);
  });

  it('sends each row only the columns that differ: the same time, empty lists and empty objects are shared', () => {
    const rows = Array.from({ length: 50 }, (_, n) => row(n));
    const split = sharedAndOwnColumns(rows);
    assert.deepEqual(rebuilt(split), asJson(rows));
    assert.deepEqual(Object.keys((JSON.parse(split.own) as object[])[0]!), ['case_id', 'id', 'summary', 'external_id']);
    assert.ok(split.shared.length + split.own.length < JSON.stringify(rows).length / 3);
  });

  it('shares every column of a batch of one', () => {
    const split = sharedAndOwnColumns([row(7)]);
    assert.equal(split.own, '[{}]');
    assert.deepEqual(rebuilt(split), asJson([row(7)]));
  });
});
