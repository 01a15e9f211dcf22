// The transfer record of a case (domain/transfer/transfer-record.ts), read as it stands: the baby,
// every person, every chronology entry oldest recorded first (so a correction follows what it
// corrects), the findings its profile shows, and its relationships, assessments, plan, meetings and
// disputes (transfer-record-parts-of-case.ts). Read by the close for transfer, to keep what was
// sent, and by the pack each time it is made.
import type { ChronologyEntry } from '../../domain/chronology/chronology.types.ts';
import { TRANSFER_RECORD_FORMAT, TRANSFER_RECORD_VERSION, type TransferRecord, type TransferredEntry } from '../../domain/transfer/transfer-record.ts';
import type { Db } from '../../infrastructure/db/schema.ts';
import { recordDetailsOf } from '../cases/case-details.ts';
import type { AppContext } from '../context.ts';
import { infantDetailsOf, personDetailsOf } from '../people/person-details.ts';
import { evaluateStored, loadStoredProfile } from '../profile/profile-facts.ts';
import { settingsInForce } from '../settings/settings-in-force.ts';
import { transferRecordPartsOf } from './transfer-record-parts-of-case.ts';
import { serviceToday } from '../../domain/shared/service-day.ts';

/** Where and when it was sent, as the transfer row keeps it. */
export interface TransferSending {
  fromArea: string;
  toArea: string;
  contact: string;
  sentAt: Date;
}

function transferredEntry(entry: ChronologyEntry): TransferredEntry {
  return {
    id: entry.id,
    kind: entry.kind,
    occurredAt: entry.occurredAt,
    recordedAt: entry.recordedAt,
    recordedBy: entry.recordedBy,
    agency: entry.agency,
    agencyKind: entry.agencyKind,
    summary: entry.summary,
    source: entry.source,
    personIds: [...entry.personIds],
    presentIds: [...entry.presentIds],
    victimIds: [...entry.victimIds],
    perpetratorIds: [...entry.perpetratorIds],
    indicates: entry.indicates.map((item) => ({ ...item })),
    significant: entry.significant,
    babySeen: entry.babySeen,
    ...(entry.substance ? { substance: entry.substance } : {}),
    ...(entry.gestationWeeks === undefined ? {} : { gestationWeeks: entry.gestationWeeks }),
    ...(entry.corrects ? { corrects: entry.corrects, correctionReason: entry.correctionReason ?? '' } : {}),
  };
}

/**
 * Oldest recorded first, each correction straight after the entry it corrects (entries recorded in the
 * same instant included), so that the receiving service meets every entry before its correction.
 */
function correctionsAfterTheirEntries(chronology: readonly ChronologyEntry[]): ChronologyEntry[] {
  const sorted = [...chronology].sort((a, b) => a.recordedAt.localeCompare(b.recordedAt) || a.id.localeCompare(b.id));
  const ids = new Set(sorted.map((entry) => entry.id));
  const corrections = new Map<string, ChronologyEntry[]>();
  for (const entry of sorted) if (entry.corrects && ids.has(entry.corrects)) corrections.set(entry.corrects, [...(corrections.get(entry.corrects) ?? []), entry]);
  const withCorrections = (entry: ChronologyEntry): ChronologyEntry[] => [entry, ...(corrections.get(entry.id) ?? []).flatMap(withCorrections)];
  return sorted.filter((entry) => !entry.corrects || !ids.has(entry.corrects)).flatMap(withCorrections);
}

export async function transferRecordOf(db: Db, ctx: AppContext, caseId: string, sending: TransferSending): Promise<TransferRecord> {
  // Everything through `db`, which may be the change's transaction: on the embedded database, a read
  // outside it would wait for it.
  const [row, people, chronology, inForce] = await Promise.all([
    db.selectFrom('cases').selectAll().where('id', '=', caseId).executeTakeFirstOrThrow(),
    db.selectFrom('people').selectAll().where('case_id', '=', caseId).orderBy('created_at').orderBy('id').execute(),
    ctx.chronologies.read(db, caseId),
    settingsInForce(ctx, db),
  ]);
  const stored = await loadStoredProfile(db, caseId, serviceToday(ctx.clock.now()), inForce.settings, chronology ?? []);
  const evaluated = stored ? evaluateStored(stored) : null;
  const entries = correctionsAfterTheirEntries(chronology ?? []);
  const parts = await transferRecordPartsOf(db, caseId, entries);
  return {
    format: TRANSFER_RECORD_FORMAT,
    version: TRANSFER_RECORD_VERSION,
    fromArea: sending.fromArea,
    toArea: sending.toArea,
    contact: sending.contact,
    sentAt: sending.sentAt.toISOString(),
    sendingCaseId: caseId,
    baby: { ...infantDetailsOf(row), details: recordDetailsOf(row) },
    people: people.map(personDetailsOf),
    entries: entries.map(transferredEntry),
    findings: (evaluated?.evaluation.findings ?? []).map((finding) => ({ id: finding.id, severity: finding.severity, title: finding.title })),
    ...parts,
  };
}
