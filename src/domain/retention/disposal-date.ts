// A case's disposal date and why (issue 21): the day from which its record may be disposed of under
// the area's retention schedule (retention-schedule.ts), and whether a legal hold suspends it today.
// - A record about a child is kept until the child's Nth birthday (25 by default); until the 26th at
//   least when the child was 17 or older when the record was last added to (the code of practice's
//   "conclusion of treatment"; this service has no other end of a case).
// - A record of a child ever at child protection or looked after is a safeguarding record: kept
//   until the Mth birthday (75 by default), whichever is later.
// - A baby not yet born is reckoned from the due date (the maternity record's "birth of the child").
// - A birthday of 29 February comes on 1 March in a common year, as UK law counts ages.
// - A legal hold in force today (set on or before today, not lifted by today) suspends disposal;
//   a hold that was lifted no longer does. The date itself does not move.
import { addDays, addMonths, dayInWords } from '../shared/calendar-date.ts';
import { LATE_RECORD_AGE, LATE_RECORD_UNTIL_AGE, RETENTION_RULES, type RetentionRuleId, type RetentionSettings } from './retention-schedule.ts';

export interface CaseForRetention {
  status: 'born' | 'unborn';
  bornOn: string | null;
  expectedDeliveryOn: string | null;
  /** Ever at child protection or looked after. */
  safeguarding: boolean;
  /** The last day anything was recorded on the case; null when nothing was. */
  lastRecordedOn: string | null;
}

export interface HoldSpan {
  id: string;
  reason: string;
  /** YYYY-MM-DD: the day it was set. */
  setOn: string;
  /** YYYY-MM-DD: the day it was lifted; null while it stands. */
  liftedOn: string | null;
}

export interface Disposal {
  rule: RetentionRuleId;
  /** The birthday the record is kept until. */
  untilAge: number;
  reckonedFrom: 'birth' | 'due-date';
  /** YYYY-MM-DD: the first day it may be disposed of. */
  disposeOn: string;
  /** Why, in words, for the case page and the disposal run. */
  because: string;
  /** The holds in force today, which suspend it. */
  holds: HoldSpan[];
  /** The disposal date has come and no hold is in force. */
  due: boolean;
}

/** The `age`th birthday of someone born on `bornOn`; 29 February's is 1 March in a common year. */
export function birthday(bornOn: string, age: number): string {
  const day = addMonths(bornOn, age * 12);
  return bornOn.endsWith('-02-29') && day.endsWith('-02-28') ? addDays(day, 1) : day;
}

/** Holds in force on `today`. */
export function holdsInForce(holds: readonly HoldSpan[], today: string): HoldSpan[] {
  return holds.filter((hold) => hold.setOn <= today && (hold.liftedOn === null || hold.liftedOn > today));
}

function ordinal(n: number): string {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : ({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th';
  return `${String(n)}${suffix}`;
}

export function disposalOf(record: CaseForRetention, settings: RetentionSettings, holds: readonly HoldSpan[], today: string): Disposal {
  const reckonedFrom = record.status === 'born' && record.bornOn !== null ? 'birth' : 'due-date';
  const from = (reckonedFrom === 'birth' ? record.bornOn : record.expectedDeliveryOn)!;
  const rule: RetentionRuleId = record.safeguarding ? 'safeguarding-record' : 'child-record';
  let untilAge = record.safeguarding ? Math.max(settings.safeguardingRecordUntilAge, settings.childRecordUntilAge) : settings.childRecordUntilAge;
  const late = record.lastRecordedOn !== null && record.lastRecordedOn >= birthday(from, LATE_RECORD_AGE) && untilAge < LATE_RECORD_UNTIL_AGE;
  if (late) untilAge = LATE_RECORD_UNTIL_AGE;
  const disposeOn = birthday(from, untilAge);
  const inForce = holdsInForce(holds, today);
  const because = [
    `${RETENTION_RULES[rule].label} are kept until the ${ordinal(untilAge)} birthday${late ? `, as the record was last added to when the child was ${String(LATE_RECORD_AGE)} or older` : ''}.`,
    reckonedFrom === 'due-date' ? `The baby is not recorded as born, so this is reckoned from the due date, ${dayInWords(from)}.` : '',
    from.endsWith('-02-29') && !disposeOn.endsWith('-02-29') ? 'Born on 29 February: the birthday comes on 1 March in a year with no 29 February.' : '',
  ]
    .filter((sentence) => sentence !== '')
    .join(' ');
  return { rule, untilAge, reckonedFrom, disposeOn, because, holds: inForce, due: today >= disposeOn && inForce.length === 0 };
}
