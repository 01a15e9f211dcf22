// Recording a person's dispute of a chronology entry (issue 21), through the one way to change a case
// (cases/change-case.ts): anyone who may change the case records what the person says, beside the
// entry and never replacing it. The profile reads a disputed fact as conflicting information
// (domain/profile/dispute-evidence.ts), so a dispute is a profile version of its own ('dispute'),
// and the entry with its disputes replaces itself in the kept chronology. A slip in the form is
// audited as a failure; an entry not in this chronology is not found; neither changes anything.
import { eventKindById } from '../../domain/catalogue/catalogue.ts';
import type { ChronologyEntry, EntryDispute } from '../../domain/chronology/chronology.types.ts';
import { checkDispute, type DisputeDraft, type DisputeProblem } from '../../domain/chronology/dispute-rules.ts';
import type { UserActor } from '../actor.ts';
import { changeCase } from '../cases/change-case.ts';
import type { AppContext } from '../context.ts';
import { loadEntry } from './chronology-rows.ts';

export type RecordDisputeResult =
  | { ok: true; dispute: EntryDispute; entry: ChronologyEntry; profileVersion: number }
  | { ok: false; code: 'not-found' | 'forbidden'; message: string }
  | { ok: false; code: 'entry-not-found'; message: string }
  | { ok: false; code: 'invalid'; message: string; problems: DisputeProblem[] };

/** `submission`: the one-time id of the form it was posted from, noted with what it records so that a second post records nothing (ADR 0026). */
export async function recordDispute(ctx: AppContext, actor: UserActor, caseId: string, entryId: string, draft: DisputeDraft, submission?: string): Promise<RecordDisputeResult> {
  return changeCase<RecordDisputeResult>(
    ctx,
    actor,
    caseId,
    { action: 'chronology.dispute', submission },
    (refusal) =>
      refusal.code === 'not-found'
        ? { ok: false, code: 'not-found', message: 'There is no case with this id.' }
        : { ok: false, code: 'forbidden', message: 'Only the team around the family can record a dispute of an entry.' },
    async ({ trx, recorder, now }) => {
      const entry = await loadEntry(trx, caseId, entryId);
      if (entry === undefined) {
        return { changed: false, answer: { ok: false, code: 'entry-not-found', message: 'There is no entry with this id in this chronology.' } };
      }
      const checked = checkDispute(draft);
      if (!checked.ok) {
        return {
          changed: false,
          answer: { ok: false, code: 'invalid', message: 'The dispute cannot be recorded like this: see the problems.', problems: checked.problems },
          audit: { action: 'chronology.dispute', outcome: 'failure', caseId, subjectType: 'chronology-entry', subjectId: entryId, details: { reason: 'invalid', problems: checked.problems.map((p) => p.code) } },
        };
      }
      const id = ctx.newId();
      await trx
        .insertInto('chronology_disputes')
        .values({
          case_id: caseId,
          id,
          entry_id: entryId,
          disputed_by: checked.dispute.disputedBy,
          text: checked.dispute.text,
          recorded_at: now,
          recorded_by: recorder.userId,
          recorded_by_name: recorder.name,
          organisation_id: recorder.organisationId,
          agency: recorder.organisation,
        })
        .execute();
      const disputed = (await loadEntry(trx, caseId, entryId))!;
      const dispute = disputed.disputes!.find((d) => d.id === id)!;
      const label = eventKindById(entry.kind)?.label ?? entry.kind;
      return {
        changed: true,
        version: { kind: 'dispute', change: { entryId, disputeId: id, entryKind: entry.kind, summary: `Dispute of a chronology entry: ${label}` }, why: `${dispute.disputedBy}: ${dispute.text}` },
        entriesAdded: [],
        entriesChanged: [disputed],
        audit: ({ profileVersion }) => ({ action: 'chronology.dispute', caseId, subjectType: 'chronology-entry', subjectId: entryId, details: { disputeId: id, kind: entry.kind, profileVersion } }),
        answer: ({ profileVersion }) => ({ ok: true, dispute, entry: disputed, profileVersion }),
        recordId: id,
      };
    },
  );
}
