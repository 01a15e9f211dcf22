// Recording a contact or home visit in one step: the contact's chronology entries (the contact, and
// a discussion entry for each piece of safety advice given), the profile evidence it gives, one new
// profile version and one audit entry, through the one way to change a case (cases/change-case.ts).
// What the answers mean is the domain's (contact-record.ts); here they are checked against the
// record and stored. With a plan, the answers to its check items due for the recorder's kind of
// agency are checked against the plan as it stands inside the change, and a concern's evidence is
// added with the rest. At a phone or video call, an item that needs the baby or the home seen cannot
// be answered "checked, no concern": refused, as an agency's entry is (domain/plan/checks-on-a-call.ts).
import { planContact, type ContactAnswers, type ContactNotice, type ContactProblem, type PlannedEntry, type PlannedEvidence } from '../../domain/chronology/contact-record.ts';
import { callAnswersRefused } from '../../domain/plan/checks-on-a-call.ts';
import type { PlanCheckProblem } from '../../domain/plan/plan-checks.ts';
import { readDueChecks } from '../plan/plan-check-rows.ts';
import type { ChronologyEntry } from '../../domain/chronology/chronology.types.ts';
import { eventKindById, factorDefinition } from '../../domain/catalogue/catalogue.ts';
import type { Tx } from '../../infrastructure/db/schema.ts';
import type { UserActor } from '../actor.ts';
import { changeCase } from '../cases/change-case.ts';
import type { AppContext } from '../context.ts';
import { loadStoredProfile, subjectKey } from '../profile/profile-facts.ts';
import type { Recorder } from '../recorder.ts';
import { writeEntry } from './write-entry.ts';
import { settingsInForce } from '../settings/settings-in-force.ts';

export type RecordContactResult =
  | { ok: true; entries: ChronologyEntry[]; notices: ContactNotice[] }
  | { ok: false; code: 'not-found'; message: string }
  | { ok: false; code: 'forbidden'; message: string }
  | { ok: false; code: 'invalid'; message: string; problems: ContactProblem[]; planCheckProblems: PlanCheckProblem[] };


async function write(trx: Tx, ctx: AppContext, recorder: Recorder, caseId: string, planned: PlannedEntry): Promise<ChronologyEntry> {
  const written = await writeEntry(trx, ctx, recorder, caseId, planned);
  // The domain has checked everything writeEntry checks: a refusal here is a bug, and undoes the lot.
  if (!written.ok) throw new Error(`A contact's ${planned.kind} entry was refused: ${written.message}`);
  return written.entry;
}

async function addEvidence(trx: Tx, ctx: AppContext, recorder: Recorder, caseId: string, eventId: string, evidence: PlannedEvidence): Promise<{ factorId: string; subjectKey: string }> {
  const key = subjectKey(factorDefinition(evidence.factorId).subject, evidence.personId);
  const now = ctx.clock.now();
  await trx
    .insertInto('profile_evidence')
    .values({
      case_id: caseId,
      id: ctx.newId(),
      factor_id: evidence.factorId,
      subject_key: key,
      source: evidence.source,
      note: evidence.note,
      indicates: evidence.indicates,
      given_by: null,
      recorded_at: now,
      recorded_by: recorder.userId,
      recorded_by_name: recorder.name,
      agency: recorder.organisation,
      event_id: eventId,
    })
    .execute();
  return { factorId: evidence.factorId, subjectKey: key };
}

/** `submission`: the one-time id of the form it was posted from, noted with what it records so that a second post records nothing (ADR 0026). */
export async function recordContact(ctx: AppContext, actor: UserActor, caseId: string, answers: ContactAnswers, submission?: string): Promise<RecordContactResult> {
  return changeCase<RecordContactResult>(
    ctx,
    actor,
    caseId,
    { action: 'chronology.contact', submission },
    (refusal) => ({ ok: false, ...refusal }),
    async ({ trx, recorder, today }) => {
      const stored = await loadStoredProfile(trx, caseId, today, (await settingsInForce(ctx, trx)).settings);
      if (!stored) return { changed: false, answer: { ok: false, code: 'not-found', message: 'There is no case with this id.' } };
      const { plan: casePlan, due } = await readDueChecks(trx, caseId, recorder.organisationKind, today);
      const planned = planContact(answers, { today, born: stored.facts.infant.status === 'born', people: stored.facts.people, plan: casePlan, dueItems: due });
      const onACall = callAnswersRefused(answers.kind ?? '', answers.planChecks ?? [], casePlan?.checkItems ?? []);
      if (!planned.ok || onACall.length > 0) {
        const problems = planned.ok ? [] : planned.problems;
        const planCheckProblems = [...onACall, ...(planned.ok ? [] : planned.planCheckProblems)];
        return {
          changed: false,
          audit: {
            action: 'chronology.contact',
            outcome: 'failure',
            caseId,
            subjectType: 'case',
            subjectId: caseId,
            details: { problems, planChecks: planCheckProblems.map((problem) => problem.code) },
          },
          answer: { ok: false, code: 'invalid', message: 'The contact cannot be recorded like this: see the problems.', problems, planCheckProblems },
        };
      }
      const { plan } = planned;
      const contact = await write(trx, ctx, recorder, caseId, plan.contact);
      const discussions: ChronologyEntry[] = [];
      for (const entry of plan.discussions) {
        discussions.push(await write(trx, ctx, recorder, caseId, { ...entry, details: { ...entry.details, contactEntryId: contact.id } }));
      }
      const evidenceAdded = [];
      for (const evidence of plan.evidence) {
        const subject = await addEvidence(trx, ctx, recorder, caseId, contact.id, evidence);
        evidenceAdded.push({ ...subject, source: evidence.source, indicates: evidence.indicates, note: evidence.note });
      }
      const entries = [contact, ...discussions];
      return {
        changed: true,
        version: {
          kind: 'event',
          change: {
            entryId: contact.id,
            entryKind: contact.kind,
            summary: `Chronology: ${eventKindById(contact.kind)?.label ?? contact.kind}`,
            entries: entries.map((entry) => ({ id: entry.id, kind: entry.kind })),
            evidenceAdded,
          },
          why: contact.summary,
        },
        entriesAdded: entries,
        audit: ({ profileVersion }) => ({
          action: 'chronology.contact',
          caseId,
          subjectType: 'chronology-entry',
          subjectId: contact.id,
          details: {
            kind: contact.kind,
            entries: entries.map((entry) => entry.id),
            evidenceAdded: evidenceAdded.length,
            babySeen: contact.babySeen,
            notices: plan.notices.map((notice) => notice.code),
            ...(plan.contact.details['planChecks'] === undefined ? {} : { planChecks: (plan.contact.details['planChecks'] as { itemId: string; outcome: string }[]).map(({ itemId, outcome }) => ({ itemId, outcome })) }),
            profileVersion,
          },
        }),
        answer: () => ({ ok: true, entries, notices: plan.notices }),
        recordId: contact.id,
      };
    },
  );
}
