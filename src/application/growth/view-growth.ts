// Reading a baby's growth: every measurement read against the UK-WHO charts (plotted age, z-score,
// centile, where it sits in words) and faltering growth as the profile derives it, with the weights
// it rests on. Access as for the consent and the plan: the team, organisation oversight and
// emergency access read it; the look, a refusal and a missing case are each one audit entry
// (growth.list). With an intent (the form to add a measurement), refused and audited unless the
// user may change the case.
import type { AccessBasis } from '../../domain/access/case-access.ts';
import { birthWeightToShow } from '../../domain/growth/birth-weight.ts';
import { positionOnChart } from '../../domain/growth/centile-lines.ts';
import { assessFalteringGrowth, type FalteringGrowth } from '../../domain/growth/faltering-growth.ts';
import { plottedAgeInWords } from '../../domain/growth/growth-words.ts';
import { referenceSexOf, type GrowthMeasurement, type GrowthSubject } from '../../domain/growth/growth.types.ts';
import { readMeasurement, whyNotReadable, type Reading } from '../../domain/growth/read-measurement.ts';
import { infantDisplayName } from '../../domain/people/infant-name.ts';
import { serviceToday } from '../../domain/shared/service-day.ts';
import type { UserActor } from '../actor.ts';
import { recordAuditAlone } from '../audit.ts';
import { loadCaseAccess } from '../cases/case-access.ts';
import { refusedForIntent, refusedOutsideTeam, type CaseIntent } from '../cases/case-intent.ts';
import type { AppContext } from '../context.ts';
import { readMeasurements, type StoredMeasurement } from './growth-rows.ts';

export const GROWTH_LIST_ACTION = 'growth.list';

/** How a point reads against the charts. */
export interface ChartReading {
  /** Null when it cannot be read against the charts (`unreadable` says why). */
  reading: Reading | null;
  /** "at 10 weeks corrected"; null when not read. */
  ageWords: string | null;
  /** "between the 9th and 25th centiles"; null when not read. */
  positionWords: string | null;
  unreadable: string | null;
}

export interface MeasurementRead extends StoredMeasurement, ChartReading {}

/** The birth weight on the record, the first point of the baby's weight (domain/growth/birth-weight.ts). */
export interface BirthWeightRead extends GrowthMeasurement, ChartReading {}

export interface GrowthView {
  caseId: string;
  babyName: string;
  born: boolean;
  subject: GrowthSubject;
  birthWeightGrams: number | null;
  /** The record's birth weight read against the charts, shown first among the weights; null when not recorded (or measured that day as the same weight). */
  birthWeight: BirthWeightRead | null;
  measurements: MeasurementRead[];
  /** Why nothing can be read against the charts (sex, gestation or date of birth not recorded); null when it can. */
  notReadable: string | null;
  faltering: FalteringGrowth;
  basis: AccessBasis;
  canChange: boolean;
  /** The service's day: nothing may be measured after it. */
  today: string;
}

export type ViewGrowthResult = { ok: true; value: GrowthView } | { ok: false; code: 'not-found' | 'forbidden'; message: string };

/** A point read against the charts, or why it cannot be. */
function chartReading(subject: GrowthSubject, point: Pick<GrowthMeasurement, 'kind' | 'value' | 'measuredOn'>): ChartReading {
  const result = readMeasurement(subject, point.kind, point.value, point.measuredOn);
  if (!result.ok) return { reading: null, ageWords: null, positionWords: null, unreadable: result.reason };
  return { reading: result.reading, ageWords: plottedAgeInWords(result.reading.age), positionWords: positionOnChart(result.reading.z), unreadable: null };
}

/** A stored measurement read against the charts, or why it cannot be. */
export function readAgainstCharts(subject: GrowthSubject, measurement: StoredMeasurement): MeasurementRead {
  return { ...measurement, ...chartReading(subject, measurement) };
}

export async function viewGrowth(ctx: AppContext, actor: UserActor, caseId: string, intent?: CaseIntent): Promise<ViewGrowthResult> {
  const now = ctx.clock.now();
  const baby = await ctx.db
    .selectFrom('cases')
    .select(['status', 'given_name', 'family_name', 'date_of_birth', 'gestation_at_birth_weeks', 'birth_weight_grams', 'sex'])
    .where('id', '=', caseId)
    .executeTakeFirst();
  if (!baby) {
    await recordAuditAlone(ctx, actor, { action: GROWTH_LIST_ACTION, outcome: 'failure', subjectType: 'case', subjectId: caseId, details: { reason: 'not-found' } });
    return { ok: false, code: 'not-found', message: 'There is no case with this id.' };
  }
  const access = await loadCaseAccess(ctx.db, actor, caseId, now);
  if (!access.allowed) return refusedOutsideTeam(ctx, actor, caseId, { action: GROWTH_LIST_ACTION }, intent);
  if (await refusedForIntent(ctx, actor, caseId, access, intent)) return { ok: false, code: 'forbidden', message: 'Your access to this record does not allow this.' };
  const stored = await readMeasurements(ctx.db, caseId);
  const subject: GrowthSubject = { dateOfBirth: baby.date_of_birth, gestationAtBirthWeeks: baby.gestation_at_birth_weeks, sex: referenceSexOf(baby.sex) };
  const measurements: GrowthMeasurement[] = stored.map((m) => ({ id: m.id, kind: m.kind, value: m.value, measuredOn: m.measuredOn, recordedBy: m.recordedBy, agency: m.agency, entryId: m.entryId }));
  const born = baby.status === 'born';
  const faltering = born
    ? assessFalteringGrowth({ ...subject, birthWeightGrams: baby.birth_weight_grams, measurements })
    : ({ status: 'not-assessed', detail: 'Fills itself from the weights recorded after the birth.' } as const);
  const birthWeight = born ? birthWeightToShow({ dateOfBirth: baby.date_of_birth, birthWeightGrams: baby.birth_weight_grams }, measurements) : null;
  await recordAuditAlone(ctx, actor, { action: GROWTH_LIST_ACTION, caseId, subjectType: 'case', subjectId: caseId, details: { basis: access.basis, measurements: stored.length } });
  return {
    ok: true,
    value: {
      caseId,
      babyName: infantDisplayName({ status: baby.status, givenName: baby.given_name, familyName: baby.family_name }),
      born,
      subject,
      birthWeightGrams: baby.birth_weight_grams,
      birthWeight: birthWeight ? { ...birthWeight, ...chartReading(subject, birthWeight) } : null,
      measurements: stored.map((m) => readAgainstCharts(subject, m)),
      notReadable: whyNotReadable(subject),
      faltering,
      basis: access.basis,
      canChange: access.canChange,
      today: serviceToday(now),
    },
  };
}
