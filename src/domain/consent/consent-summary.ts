// What a page says about a case's consent and information sharing, one line a record, latest first:
// "Consent given by Amy Smith on 3 November 2026 for sharing with the GP and housing", "Consent
// refused by ...", a consent given and later withdrawn says so on its own line ("; withdrawn on
// ..."), and "Shared without consent on 5 November 2026 with the police: <basis> (decided by ...)".
// A withdrawal is shown on the consent it withdraws, not as a line of its own.
import { dayInWords } from '../shared/calendar-date.ts';
import { LAWFUL_BASIS_LABELS, consentDay, type RecordedConsent } from './consent.types.ts';

export type ConsentStatus = 'given' | 'refused' | 'withdrawn' | 'shared-without-consent';

export interface ConsentLine {
  /** The record the line is about (a consent, or a sharing without consent). */
  id: string;
  status: ConsentStatus;
  /** The day the consent was sought or the information shared. */
  on: string;
  text: string;
  /** For a consent withdrawn: when. */
  withdrawnOn?: string;
}

/** Who was asked, in words: the person's name as the case knows it, or the name typed. */
export type NameOfPerson = (personId: string) => string;

/** The basis of a sharing without consent, in words ("other" says which). */
export function basisInWords(record: RecordedConsent & { kind: 'shared-without-consent' }): string {
  return record.basis === 'other' ? `${LAWFUL_BASIS_LABELS.other}: ${record.basisOther ?? 'not said'}` : LAWFUL_BASIS_LABELS[record.basis];
}

/** One line a consent or sharing, latest first (recorded order within a day). */
export function summariseConsent(records: readonly RecordedConsent[], nameOf: NameOfPerson): ConsentLine[] {
  const withdrawals = new Map(records.flatMap((r) => (r.kind === 'withdrawal' ? [[r.withdraws, r.withdrawnOn] as const] : [])));
  const lines: (ConsentLine & { recordedAt: string })[] = [];
  for (const record of records) {
    if (record.kind === 'consent') {
      const who = record.askedPersonId !== undefined ? nameOf(record.askedPersonId) : (record.askedName ?? 'someone not named');
      const withdrawnOn = record.answer === 'given' ? withdrawals.get(record.id) : undefined;
      const base = `Consent ${record.answer} by ${who} on ${dayInWords(record.soughtOn)} for ${record.purpose}`;
      lines.push({
        id: record.id,
        status: withdrawnOn !== undefined ? 'withdrawn' : record.answer,
        on: record.soughtOn,
        text: withdrawnOn !== undefined ? `${base}; withdrawn on ${dayInWords(withdrawnOn)}` : base,
        ...(withdrawnOn !== undefined ? { withdrawnOn } : {}),
        recordedAt: record.recordedAt,
      });
    } else if (record.kind === 'shared-without-consent') {
      lines.push({
        id: record.id,
        status: 'shared-without-consent',
        on: record.sharedOn,
        text: `Shared without consent on ${dayInWords(record.sharedOn)} with ${record.sharedWith}: ${basisInWords(record)} (decided by ${record.decidedByName})`,
        recordedAt: record.recordedAt,
      });
    }
  }
  lines.sort((a, b) => (a.on === b.on ? b.recordedAt.localeCompare(a.recordedAt) : b.on.localeCompare(a.on)));
  return lines.map((line) => {
    const shown: ConsentLine & { recordedAt?: string } = { ...line };
    delete shown.recordedAt;
    return shown;
  });
}

/** The latest day of any record: for a page's "last recorded". */
export const latestConsentDay = (records: readonly RecordedConsent[]): string | null => records.map(consentDay).sort().at(-1) ?? null;
