// Recording a discharge plan (docs/domain.md, "Discharge plan") through the one way to change a case
// (cases/change-case.ts): the case is locked and the caller's access decided there (the team and
// organisation oversight; emergency access changes nothing), the plan is checked by the domain
// (discharge/discharge-plan-rules.ts) against the baby's birth, the chronology and the team as they
// stand inside the change, and stored as one chronology entry of kind `discharge-plan` (the summary
// in plain words, the plan in its details), its source who recorded it (planSource). The entry is in the
// chronology the profile is evaluated from, so the change writes a profile version, and its audit
// entry is discharge-plan.record. A refused plan changes nothing and is audited as a failure naming
// its problems; someone outside the team is refused and audited as denied by changeCase.
import { checkDischargePlan, dischargePlanNotes, dischargePlanSummary, type DischargeNote, type DischargeProblem } from '../../domain/discharge/discharge-plan-rules.ts';
import type { DischargePlan, DischargePlanDraft } from '../../domain/discharge/discharge-plan.types.ts';
import { eventKindById } from '../../domain/catalogue/catalogue.ts';
import type { UserActor } from '../actor.ts';
import { changeCase } from '../cases/change-case.ts';
import { loadChronology } from '../chronology/chronology-rows.ts';
import { writeEntry } from '../chronology/write-entry.ts';
import type { AppContext } from '../context.ts';
import { dischargeContext, dischargePlanDetails, homeVisitsSeen } from './discharge-plan-rows.ts';

export const RECORD_DISCHARGE_PLAN = 'discharge-plan.record';

/** A discharge plan as stored: the plan, its chronology entry, and what a page notes about it. */
export interface RecordedDischargePlan {
  entryId: string;
  /** The day the plan was recorded (the entry's day). */
  recordedOn: string;
  recordedAt: string;
  recordedBy: string;
  agency: string;
  summary: string;
  plan: DischargePlan;
  notes: DischargeNote[];
}

export type RecordDischargePlanResult =
  | { ok: true; value: RecordedDischargePlan & { profileVersion: number } }
  | { ok: false; code: 'not-found' | 'forbidden'; message: string }
  | { ok: false; code: 'invalid'; message: string; problems: DischargeProblem[] };

/** `submission`: the one-time id of the form it was posted from, noted with what it records so that a second post records nothing (ADR 0026). */
/**
 * Where the plan comes from (docs/domain.md, "Evidence sources"): made on the page, it is the
 * practitioner's own plan (professional judgement); sent through the API, it is an agency's system's.
 */
function planSource(actor: UserActor): 'professional-judgement' | 'agency-record' {
  return actor.channel === 'api' ? 'agency-record' : 'professional-judgement';
}

export async function recordDischargePlan(ctx: AppContext, actor: UserActor, caseId: string, draft: DischargePlanDraft, submission?: string): Promise<RecordDischargePlanResult> {
  return changeCase<RecordDischargePlanResult>(
    ctx,
    actor,
    caseId,
    { action: RECORD_DISCHARGE_PLAN, submission },
    (refusal) =>
      refusal.code === 'not-found'
        ? { ok: false, code: 'not-found', message: 'There is no case with this id.' }
        : { ok: false, code: 'forbidden', message: 'Only the team around the family can record a discharge plan.' },
    async ({ trx, recorder, record, today }) => {
      const chronology = ctx.chronologies.at(caseId, record.profileVersion) ?? (await loadChronology(trx, caseId));
      const context = await dischargeContext(trx, caseId, today, chronology);
      if (!context) return { changed: false, answer: { ok: false, code: 'not-found', message: 'There is no case with this id.' } };
      const checked = checkDischargePlan(draft, context);
      if (!checked.ok) {
        return {
          changed: false,
          answer: { ok: false, code: 'invalid', message: 'The discharge plan cannot be recorded like this: see the problems.', problems: checked.problems },
          audit: { action: RECORD_DISCHARGE_PLAN, outcome: 'failure', caseId, subjectType: 'case', subjectId: caseId, details: { reason: 'invalid', problems: [...new Set(checked.problems.map((p) => p.code))] } },
        };
      }
      const { plan } = checked;
      const written = await writeEntry(trx, ctx, recorder, caseId, {
        kind: 'discharge-plan',
        occurredAt: today,
        summary: dischargePlanSummary(plan),
        source: planSource(actor),
        details: dischargePlanDetails(plan),
      });
      // The domain has checked the plan and the entry is built from it: a refusal here is a bug, and undoes the change.
      if (!written.ok) throw new Error(`A discharge plan's entry was refused: ${written.message}`);
      const entry = written.entry;
      const stored: RecordedDischargePlan = {
        entryId: entry.id,
        recordedOn: today,
        recordedAt: entry.recordedAt,
        recordedBy: entry.recordedBy,
        agency: entry.agency,
        summary: entry.summary,
        plan,
        notes: dischargePlanNotes(plan, today, homeVisitsSeen(chronology)),
      };
      return {
        changed: true,
        version: {
          kind: 'event',
          change: { entryId: entry.id, entryKind: entry.kind, summary: `Chronology: ${eventKindById(entry.kind)?.label ?? entry.kind}` },
          why: entry.summary,
        },
        entriesAdded: [entry],
        audit: ({ profileVersion }) => ({
          action: RECORD_DISCHARGE_PLAN,
          caseId,
          subjectType: 'chronology-entry',
          subjectId: entry.id,
          details: {
            stay: plan.stay,
            dischargeOn: plan.dischargeOn,
            firstVisitBy: plan.firstVisit.by,
            followUps: plan.followUps.length,
            socialWorker: plan.socialWorker.status,
            gp: plan.gp.status,
            fragile: plan.fragile,
            notes: stored.notes.map((note) => note.code),
            profileVersion,
          },
        }),
        answer: ({ profileVersion }) => ({ ok: true, value: { ...stored, profileVersion } }),
        recordId: entry.id,
      };
    },
  );
}
