// Answers to the plan's check items sent with an agency's entry (issue 13: `planChecks` on the events
// API and the batch). They are taken exactly as the contact form takes them (answerPlanChecks in
// domain/chronology/contact-record.ts), against each case's plan as it stands inside the change: an
// item not in the plan, a concern or "could not check" without a note, an entry that is not a contact,
// and at a phone or video call "no concern" on an item that needs the baby or the home seen
// (domain/plan/checks-on-a-call.ts) refuse the entry (nothing of it is stored); otherwise the answers are kept in the entry's details
// (`planChecks`, with each item's words that day, marked `form: 'plan-checks'` so they are read as
// answers: an agency may not send either key in its own details), its summary names each concern and
// item not checked, a concern makes it significant, and, once the entry is stored, a concern adds
// observed evidence to the factor its item names in the same step. An agency system answers the items
// it checked: unlike the form, it is not asked for every item due (it cannot see what is due).
import { answerPlanChecks, type PlannedEvidence } from '../../domain/chronology/contact-record.ts';
import type { ChronologyEntry } from '../../domain/chronology/chronology.types.ts';
import { checkNewEntry, type EntryProblem } from '../../domain/chronology/entry-rules.ts';
import { factorDefinition } from '../../domain/catalogue/catalogue.ts';
import { callAnswersRefused } from '../../domain/plan/checks-on-a-call.ts';
import type { PlanCheckDraft, PlanCheckProblem } from '../../domain/plan/plan-checks.ts';
import { serviceToday } from '../../domain/shared/service-day.ts';
import type { Tx } from '../../infrastructure/db/schema.ts';
import type { AppContext } from '../context.ts';
import { readCurrentPlans } from '../plan/plan-rows.ts';
import { subjectKey } from '../profile/profile-facts.ts';
import type { Recorder } from '../recorder.ts';
import type { EntryInput } from './write-entry.ts';

/** An entry as an agency sends it, with its answers to the plan's check items. */
export interface EntryWithPlanChecks extends EntryInput {
  planChecks?: readonly PlanCheckDraft[];
}

export interface EntryToAnswer {
  index: number;
  caseId: string;
  entry: EntryWithPlanChecks;
}

export type EntryChecksAnswered =
  /** The entry to store (its answers in its details) and the evidence its concerns add once it is stored. */
  | { ok: true; entry: EntryInput; evidence: PlannedEvidence[] }
  | { ok: false; problems: PlanCheckProblem[] };

/** The text as a sentence: a full stop added unless it already ends like one. */
const asSentence = (text: string) => (/[.!?]$/.test(text.trim()) ? text.trim() : `${text.trim()}.`);

/** The entries that carry answers, each answered against its case's current plan (one statement reads the plans), by index. */
export async function answerEntriesPlanChecks(trx: Tx, items: readonly EntryToAnswer[]): Promise<Map<number, EntryChecksAnswered>> {
  const results = new Map<number, EntryChecksAnswered>();
  const answering = items.filter((item) => item.entry.planChecks !== undefined);
  if (answering.length === 0) return results;
  const plans = await readCurrentPlans(trx, answering.map((item) => item.caseId));
  for (const { index, caseId, entry } of answering) {
    const { planChecks = [], ...rest } = entry;
    const plan = plans.get(caseId) ?? null;
    const onACall = callAnswersRefused(entry.kind, planChecks, plan?.checkItems ?? []);
    const answered = onACall.length > 0 ? { ok: false as const, problems: onACall } : answerPlanChecks(entry.kind, entry.occurredAt, planChecks, { plan, due: [] });
    if (!answered.ok) {
      results.set(index, answered);
      continue;
    }
    const { checks, sentences, evidence, significant } = answered.answered;
    if (checks.length === 0) {
      results.set(index, { ok: true, entry: rest, evidence: [] });
      continue;
    }
    results.set(index, {
      ok: true,
      evidence,
      entry: {
        ...rest,
        summary: sentences.length === 0 ? rest.summary : [asSentence(rest.summary), ...sentences].join(' '),
        ...(significant ? { significant: true } : {}),
        details: { ...rest.details, form: 'plan-checks', planChecks: checks },
      },
    });
  }
  return results;
}

/** What else is wrong with entries refused for their answers, so the caller hears it all at once: the checks every entry gets. */
export async function entryProblemsOf(trx: Tx, ctx: AppContext, items: readonly EntryToAnswer[]): Promise<Map<number, EntryProblem[]>> {
  const problems = new Map<number, EntryProblem[]>();
  if (items.length === 0) return problems;
  const people = await trx.selectFrom('people').select(['case_id', 'id']).where('case_id', 'in', [...new Set(items.map((item) => item.caseId))]).execute();
  const today = serviceToday(ctx.clock.now());
  for (const { index, caseId, entry } of items) {
    const personIds = new Set(people.filter((person) => person.case_id === caseId).map((person) => person.id));
    problems.set(index, checkNewEntry(entry, { today, personIds, isCorrection: entry.corrects !== undefined }));
  }
  return problems;
}

/**
 * Of entries refused for their answers, those whose external id this agency already stored on the
 * case: a retry answers with the entry stored then, whatever the plan says now.
 */
export async function storedBefore(trx: Tx, recorder: Recorder, items: readonly EntryToAnswer[]): Promise<Set<number>> {
  const keyed = items.filter((item) => item.entry.externalId !== undefined);
  if (keyed.length === 0) return new Set();
  const rows = await trx
    .selectFrom('chronology_entries')
    .select(['case_id', 'external_id'])
    .where('organisation_id', '=', recorder.organisationId)
    .where('case_id', 'in', [...new Set(keyed.map((item) => item.caseId))])
    .where('external_id', 'in', [...new Set(keyed.map((item) => item.entry.externalId!))])
    .execute();
  const stored = new Set(rows.map((row) => `${row.case_id}\u0000${row.external_id ?? ''}`));
  return new Set(keyed.filter((item) => stored.has(`${item.caseId}\u0000${item.entry.externalId!}`)).map((item) => item.index));
}

/** The evidence the stored entries' concerns add, by one statement, each linked to its entry and its agency. */
export async function addPlanCheckEvidence(trx: Tx, ctx: AppContext, recorder: Recorder, written: readonly { caseId: string; entry: ChronologyEntry; evidence: readonly PlannedEvidence[] }[]): Promise<void> {
  const now = ctx.clock.now();
  const rows = written.flatMap(({ caseId, entry, evidence }) =>
    evidence.map((item) => ({
      case_id: caseId,
      id: ctx.newId(),
      factor_id: item.factorId,
      subject_key: subjectKey(factorDefinition(item.factorId).subject, item.personId),
      source: item.source,
      note: item.note,
      indicates: item.indicates,
      given_by: null,
      recorded_at: now,
      recorded_by: recorder.userId,
      recorded_by_name: recorder.name,
      agency: entry.agency,
      event_id: entry.id,
    })),
  );
  if (rows.length > 0) await trx.insertInto('profile_evidence').values(rows).execute();
}
