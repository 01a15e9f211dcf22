// The batch ingest scenario's two halves: the body an agency feed posts to
// POST /api/v1/events:batch (1,000 entries across the fixture cases, routine contacts with an
// emergency attendance now and then, so triggers, alerts and audit all run), and its baseline, the
// same number of rows written by one bare multi-row INSERT through the driver: no checks, no
// profile, no alerts, no audit.
import { randomUUID } from 'node:crypto';
import type { RawQuery } from './database.ts';

export const BATCH_SIZE = 1000;
/** One entry in this many is an emergency attendance: it alerts the team. */
const ALERT_EVERY = 100;
const ROUTINE = ['home-visit', 'clinic-contact', 'gp-consultation'] as const;

export interface IngestCase {
  id: string;
  motherId: string;
}

export function batchBody(cases: readonly IngestCase[], today: string): { entries: Record<string, unknown>[] } {
  const entries = Array.from({ length: BATCH_SIZE }, (_, i) => {
    const target = cases[i % cases.length]!;
    const kind = i % ALERT_EVERY === ALERT_EVERY - 1 ? 'emergency-attendance' : ROUTINE[i % ROUTINE.length]!;
    return { caseId: target.id, kind, occurredAt: today, summary: `Entry ${String(i + 1)} of an agency batch`, source: 'agency-record', personIds: [target.motherId] };
  });
  return { entries };
}

/** Every column of `row`, as a value the driver sends: jsonb columns as JSON text. */
function driverValue(value: unknown): unknown {
  return value !== null && typeof value === 'object' && !(value instanceof Date) ? JSON.stringify(value) : value;
}

/**
 * One multi-row INSERT of BATCH_SIZE copies of a stored entry, each with a new id. `template` is a
 * chronology_entries row as the driver returns it.
 */
export function bareInsert(raw: RawQuery, template: Record<string, unknown>): () => Promise<unknown> {
  const columns = Object.keys(template).filter((column) => column !== 'id' && column !== 'external_id');
  const width = columns.length + 1;
  const rows = Array.from({ length: BATCH_SIZE }, (_, r) => `(${Array.from({ length: width }, (_, c) => `$${String(r * width + c + 1)}`).join(', ')})`);
  const text = `INSERT INTO chronology_entries (id, ${columns.join(', ')}) VALUES ${rows.join(', ')}`;
  const values = columns.map((column) => driverValue(template[column]));
  return () => {
    const parameters: unknown[] = [];
    for (let r = 0; r < BATCH_SIZE; r++) parameters.push(randomUUID(), ...values);
    return raw(text, parameters);
  };
}
