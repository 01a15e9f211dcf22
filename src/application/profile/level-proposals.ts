// Proposals to change the level of support (issue 13; docs/domain.md, Levels of support). Someone in
// the team whom the level rule does not let change the level proposes a change with a reason; the
// lead professional or a safeguarding lead of an organisation in the team accepts it (the level
// changes through change-level's step, with a profile version naming the proposal) or declines it
// with a reason; the proposer sees the answer. A case has at most one open proposal. Each write goes
// through the one way to change a case, and every refusal is audited.
import { decideLevelChange, mayDecideLevelProposal } from '../../domain/access/level-change.ts';
import { caseLevelLabel, type CaseLevel } from '../../domain/shared/case-levels.ts';
import type { Queryable } from '../../infrastructure/db/schema.ts';
import type { UserActor } from '../actor.ts';
import type { AuditEvent } from '../audit.ts';
import { changeCase, type CaseChangeOutcome } from '../cases/change-case.ts';
import type { AppContext } from '../context.ts';
import { changeLevelStep } from './change-level.ts';
import { loadCaseAccess } from '../cases/case-access.ts';
import { recordAuditAlone } from '../audit.ts';

export const LEVEL_PROPOSAL_LIMITS = { reason: 4000 } as const;

export interface LevelProposal {
  id: string;
  from: CaseLevel;
  to: CaseLevel;
  reason: string;
  proposedAt: string;
  proposedBy: string;
  proposedById: string | null;
  agency: string;
  status: 'open' | 'accepted' | 'declined';
  decidedAt: string | null;
  decidedBy: string | null;
  decisionReason: string | null;
  profileVersion: number | null;
}

/** The case's proposals, the latest first. */
export async function readLevelProposals(db: Queryable, caseId: string): Promise<LevelProposal[]> {
  const rows = await db.selectFrom('level_proposals').selectAll().where('case_id', '=', caseId).orderBy('proposed_at', 'desc').orderBy('id', 'desc').execute();
  return rows.map((row) => ({
    id: row.id,
    from: row.from_level,
    to: row.to_level,
    reason: row.reason,
    proposedAt: row.proposed_at.toISOString(),
    proposedBy: row.proposed_by_name,
    proposedById: row.proposed_by,
    agency: row.proposed_by_agency,
    status: row.status,
    decidedAt: row.decided_at?.toISOString() ?? null,
    decidedBy: row.decided_by_name,
    decisionReason: row.decision_reason,
    profileVersion: row.profile_version,
  }));
}

type Refusal<C extends string> = { ok: false; code: C; message: string };

export type ProposeLevelResult =
  | { ok: true; id: string }
  | Refusal<'not-found' | 'forbidden' | 'reason-needed' | 'reason-too-long' | 'unchanged' | 'may-change-level' | 'proposal-open'>;

/** `submission`: the one-time id of the form it was posted from, noted with the proposal so that a second post is answered as the first, not refused as a second proposal (ADR 0026). */
export async function proposeLevelChange(ctx: AppContext, actor: UserActor, caseId: string, input: { level: CaseLevel; reason: string }, submission?: string): Promise<ProposeLevelResult> {
  return changeCase<ProposeLevelResult>(
    ctx,
    actor,
    caseId,
    { action: 'case.level-proposal', submission },
    (refusal) => ({ ok: false, ...refusal }),
    async ({ trx, recorder, record, now }): Promise<CaseChangeOutcome<ProposeLevelResult>> => {
      const from = record.level as CaseLevel;
      const refuse = (code: Exclude<ProposeLevelResult, { ok: true }>['code'], message: string, outcome: 'denied' | 'failure' = 'failure') => ({
        changed: false as const,
        answer: { ok: false as const, code, message },
        audit: { action: 'case.level-proposal', outcome, caseId, subjectType: 'case', subjectId: caseId, details: { from, to: input.level, reason: code } } satisfies AuditEvent,
      });
      const reason = input.reason.trim();
      if (reason === '') return refuse('reason-needed', 'Say why the level should change.');
      if (reason.length > LEVEL_PROPOSAL_LIMITS.reason) return refuse('reason-too-long', `Keep the reason to ${String(LEVEL_PROPOSAL_LIMITS.reason)} characters or fewer.`);
      if (from === input.level) return refuse('unchanged', `The level is already ${caseLevelLabel(from).toLowerCase()}: choose a different one.`);
      if (decideLevelChange({ basis: record.basis, organisationKind: recorder.organisationKind, from, to: input.level }).allowed) {
        return refuse('may-change-level', 'You may change the level yourself: use Change the level of support.');
      }
      const open = await trx.selectFrom('level_proposals').select(['id', 'to_level', 'proposed_by_name']).where('case_id', '=', caseId).where('status', '=', 'open').executeTakeFirst();
      if (open) {
        return refuse('proposal-open', `There is already an open proposal, from ${open.proposed_by_name}, to move to ${caseLevelLabel(open.to_level).toLowerCase()}. Wait for the lead professional or a safeguarding lead to answer it.`);
      }
      const id = ctx.newId();
      await trx
        .insertInto('level_proposals')
        .values({ case_id: caseId, id, from_level: from, to_level: input.level, reason, proposed_at: now, proposed_by: actor.userId, proposed_by_name: recorder.name, proposed_by_agency: recorder.organisation })
        .execute();
      return {
        changed: true,
        version: null,
        entriesAdded: [],
        audit: () => ({ action: 'case.level-proposal', caseId, subjectType: 'level-proposal', subjectId: id, details: { from, to: input.level } }),
        answer: () => ({ ok: true, id }),
        recordId: id,
      };
    },
  );
}

export type DecideProposalResult =
  | { ok: true; status: 'accepted' | 'declined'; level: CaseLevel; profileVersion: number }
  | Refusal<'not-found' | 'forbidden' | 'not-decider' | 'no-such-proposal' | 'proposal-closed' | 'reason-needed' | 'reason-too-long' | 'level-not-allowed' | 'conference-needed' | 'unchanged'>;

/**
 * Accepting or declining a proposal: the lead professional or a safeguarding lead in the team's organisations only.
 * `submission`: the form's one-time id, noted with the proposal so that a second post is answered as the first, not refused as already answered (ADR 0026).
 */
export async function decideLevelProposal(ctx: AppContext, actor: UserActor, caseId: string, proposalId: string, input: { accept: boolean; reason: string }, submission?: string): Promise<DecideProposalResult> {
  return changeCase<DecideProposalResult>(
    ctx,
    actor,
    caseId,
    { action: 'case.level-proposal-decision', refusalSubject: { subjectType: 'level-proposal', subjectId: proposalId }, submission },
    (refusal) => ({ ok: false, ...refusal }),
    async (given): Promise<CaseChangeOutcome<DecideProposalResult>> => {
      const { trx, recorder, record, now, actor: who } = given;
      const refuse = (code: Exclude<DecideProposalResult, { ok: true }>['code'], message: string, outcome: 'denied' | 'failure' = 'failure') => ({
        changed: false as const,
        answer: { ok: false as const, code, message },
        audit: { action: 'case.level-proposal-decision', outcome, caseId, subjectType: 'level-proposal', subjectId: proposalId, details: { accept: input.accept, reason: code } } satisfies AuditEvent,
      });
      // The team sees the proposals, so whether one exists is no secret from anyone here.
      const proposal = await trx.selectFrom('level_proposals').selectAll().where('case_id', '=', caseId).where('id', '=', proposalId).executeTakeFirst();
      if (!proposal) return refuse('no-such-proposal', 'There is no such proposal for this baby.');
      if (!mayDecideLevelProposal(record.basis, who.role)) {
        return refuse('not-decider', 'Only the lead professional, or a safeguarding lead of an organisation in the team, can accept or decline a proposal to change the level.', 'denied');
      }
      if (proposal.status !== 'open') return refuse('proposal-closed', `This proposal was already ${proposal.status} by ${proposal.decided_by_name ?? 'someone else'}.`);
      const reason = input.reason.trim();
      if (reason.length > LEVEL_PROPOSAL_LIMITS.reason) return refuse('reason-too-long', `Keep the reason to ${String(LEVEL_PROPOSAL_LIMITS.reason)} characters or fewer.`);
      const decided = { decided_at: now, decided_by: actor.userId, decided_by_name: recorder.name };
      if (!input.accept) {
        if (reason === '') return refuse('reason-needed', 'Say why you are declining the proposal: the person who proposed it will see it.');
        await trx.updateTable('level_proposals').set({ status: 'declined', ...decided, decision_reason: reason }).where('case_id', '=', caseId).where('id', '=', proposalId).execute();
        return {
          changed: true,
          version: null,
          entriesAdded: [],
          audit: () => ({ action: 'case.level-proposal-decision', caseId, subjectType: 'level-proposal', subjectId: proposalId, details: { accept: false, from: proposal.from_level, to: proposal.to_level } }),
          answer: ({ profileVersion }) => ({ ok: true, status: 'declined', level: record.level as CaseLevel, profileVersion }),
          recordId: proposalId,
        };
      }
      const why = reason === '' ? `Accepted the proposal from ${proposal.proposed_by_name} (${proposal.proposed_by_agency}): ${proposal.reason}` : reason;
      const step = await changeLevelStep(given, proposal.to_level, why, { proposalId, proposedBy: proposal.proposed_by_name });
      if (!step.ok) return refuse(step.code, step.code === 'unchanged' ? `${step.message} Decline the proposal, saying so.` : step.message, step.code === 'level-not-allowed' ? 'denied' : 'failure');
      // The change of level is the case's next profile version (written by the pipeline after this step).
      await trx
        .updateTable('level_proposals')
        .set({ status: 'accepted', ...decided, decision_reason: reason === '' ? null : reason, profile_version: record.profileVersion + 1 })
        .where('case_id', '=', caseId)
        .where('id', '=', proposalId)
        .execute();
      return {
        changed: true,
        version: step.version,
        entriesAdded: [],
        audit: ({ profileVersion }) => ({
          action: 'case.level-proposal-decision',
          caseId,
          subjectType: 'level-proposal',
          subjectId: proposalId,
          details: { accept: true, before: step.before, after: step.after, profileVersion, ...(step.conference ? { conferenceId: step.conference.id } : {}) },
        }),
        answer: ({ profileVersion }) => ({ ok: true, status: 'accepted', level: step.after, profileVersion }),
        recordId: proposalId,
      };
    },
  );
}

export interface LevelProposalsView {
  proposals: LevelProposal[];
  open: LevelProposal | null;
  /** The viewer is the lead professional or a safeguarding lead overseeing the case. */
  mayDecide: boolean;
  /** The viewer may move the level between universal and early help themselves (or any move, for children's social care). */
  organisationKind: string;
  basis: string;
}

/** The proposals for a page that has already shown (and audited) the case to the viewer; null when they may not see it. */
export async function readLevelProposalsFor(ctx: AppContext, actor: UserActor, caseId: string): Promise<LevelProposalsView | null> {
  const access = await loadCaseAccess(ctx.db, actor, caseId, ctx.clock.now());
  if (!access.allowed) return null;
  const [proposals, organisation] = await Promise.all([
    readLevelProposals(ctx.db, caseId),
    ctx.db.selectFrom('organisations').select('kind').where('id', '=', actor.organisationId).executeTakeFirstOrThrow(),
  ]);
  return { proposals, open: proposals.find((p) => p.status === 'open') ?? null, mayDecide: mayDecideLevelProposal(access.basis, actor.role), organisationKind: organisation.kind, basis: access.basis };
}

export type ViewLevelProposalsResult = { ok: true; value: LevelProposal[] } | { ok: false; code: 'not-found' | 'forbidden'; message: string };

/** The proposals for someone who may read the case, audited as level-proposals.view (a refusal and a missing case too). */
export async function viewLevelProposals(ctx: AppContext, actor: UserActor, caseId: string): Promise<ViewLevelProposalsResult> {
  const exists = await ctx.db.selectFrom('cases').select('id').where('id', '=', caseId).executeTakeFirst();
  if (!exists) {
    await recordAuditAlone(ctx, actor, { action: 'level-proposals.view', outcome: 'failure', subjectType: 'case', subjectId: caseId, details: { reason: 'not-found' } });
    return { ok: false, code: 'not-found', message: 'There is no case with this id.' };
  }
  const view = await readLevelProposalsFor(ctx, actor, caseId);
  if (!view) {
    await recordAuditAlone(ctx, actor, { action: 'level-proposals.view', outcome: 'denied', caseId, subjectType: 'case', subjectId: caseId });
    return { ok: false, code: 'forbidden', message: 'You are not in the team around this baby.' };
  }
  await recordAuditAlone(ctx, actor, { action: 'level-proposals.view', caseId, subjectType: 'case', subjectId: caseId, details: { basis: view.basis, proposals: view.proposals.length } });
  return { ok: true, value: view.proposals };
}
