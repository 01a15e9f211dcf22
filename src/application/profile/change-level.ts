// Changing the level of support around the baby (universal … child protection), which sets how
// often the profile is reviewed. Only those the level rule allows (domain/access/level-change.ts)
// may: a refusal is audited and says what to do instead (propose the change: level-proposals.ts).
// A move to child protection follows a conference recorded with a protection plan, and names it.
// A profile version records the change and why; audited.
import { CONFERENCE_NEEDED, decideLevelChange, followingConference, LEVEL_CHANGE_REFUSALS, protectionPlanConference, type MeetingForLevel } from '../../domain/access/level-change.ts';
import { caseLevelLabel, type CaseLevel } from '../../domain/shared/case-levels.ts';
import type { UserActor } from '../actor.ts';
import { changeCase, type CaseChange, type ProfileChange } from '../cases/change-case.ts';
import type { AppContext } from '../context.ts';
import { readMeetings } from '../meetings/meeting-rows.ts';

export type ChangeLevelResult =
  | { ok: true; profileVersion: number }
  | { ok: false; code: 'not-found'; message: string }
  | { ok: false; code: 'forbidden'; message: string }
  | { ok: false; code: 'level-not-allowed'; message: string }
  | { ok: false; code: 'conference-needed'; message: string }
  | { ok: false; code: 'reason-needed'; message: string }
  | { ok: false; code: 'unchanged'; message: string };

export type LevelStep =
  | { ok: true; before: CaseLevel; after: CaseLevel; conference: MeetingForLevel | null; version: ProfileChange }
  | { ok: false; code: 'level-not-allowed' | 'conference-needed' | 'unchanged'; message: string; reason: string };

/**
 * The change of level inside a change of the case: the level rule for the person changing it, the
 * conference a move to child protection follows, the row updated and the version's change. Shared
 * by changing the level and by accepting a proposal (level-proposals.ts).
 */
export async function changeLevelStep({ trx, actor, record, now, today }: CaseChange, to: CaseLevel, why: string, extra: Record<string, unknown> = {}): Promise<LevelStep> {
  const before = record.level as CaseLevel;
  if (before === to) return { ok: false, code: 'unchanged', message: `The level is already ${caseLevelLabel(before).toLowerCase()}: choose a different one.`, reason: 'unchanged' };
  const { kind: organisationKind } = await trx.selectFrom('organisations').select('kind').where('id', '=', actor.organisationId).executeTakeFirstOrThrow();
  const decision = decideLevelChange({ basis: record.basis, organisationKind, from: before, to });
  if (!decision.allowed) return { ok: false, code: 'level-not-allowed', message: LEVEL_CHANGE_REFUSALS[decision.reason], reason: decision.reason };
  let conference: MeetingForLevel | null = null;
  if (to === 'child-protection') {
    conference = protectionPlanConference(await readMeetings(trx, record.id), today);
    if (conference === null) return { ok: false, code: 'conference-needed', message: CONFERENCE_NEEDED, reason: 'no-conference' };
  }
  await trx.updateTable('cases').set({ level: to, updated_at: now }).where('id', '=', record.id).execute();
  const summary = `Level changed from ${caseLevelLabel(before).toLowerCase()} to ${caseLevelLabel(to).toLowerCase()}${conference ? ` ${followingConference(conference)}` : ''}`;
  return {
    ok: true,
    before,
    after: to,
    conference,
    version: { kind: 'level', change: { before, after: to, summary, ...(conference ? { conferenceId: conference.id, conferenceKind: conference.kind, conferenceHeldOn: conference.heldOn } : {}), ...extra }, why },
  };
}

/** `submission`: the one-time id of the form it was posted from, noted with the change so that a second post is answered as the first, not refused as unchanged (ADR 0026). */
export async function changeLevel(ctx: AppContext, actor: UserActor, caseId: string, input: { level: CaseLevel; why: string }, submission?: string): Promise<ChangeLevelResult> {
  return changeCase<ChangeLevelResult>(
    ctx,
    actor,
    caseId,
    { action: 'case.level-change', submission },
    (refusal) => ({ ok: false, ...refusal }),
    async (given) => {
      const why = input.why.trim();
      if (why === '') return { changed: false, answer: { ok: false, code: 'reason-needed', message: 'Say why the level is changing.' } };
      const step = await changeLevelStep(given, input.level, why);
      if (!step.ok) {
        const answer: ChangeLevelResult = { ok: false, code: step.code, message: step.message };
        if (step.code === 'unchanged') return { changed: false, answer };
        return {
          changed: false,
          answer,
          audit: { action: 'case.level-change', outcome: 'denied', caseId, subjectType: 'case', subjectId: caseId, details: { before: given.record.level, after: input.level, reason: step.reason } },
        };
      }
      return {
        changed: true,
        version: step.version,
        entriesAdded: [],
        audit: ({ profileVersion }) => ({
          action: 'case.level-change',
          caseId,
          subjectType: 'case',
          subjectId: caseId,
          details: { before: step.before, after: step.after, profileVersion, ...(step.conference ? { conferenceId: step.conference.id } : {}) },
        }),
        answer: ({ profileVersion }) => ({ ok: true, profileVersion }),
        recordId: caseId,
      };
    },
  );
}
