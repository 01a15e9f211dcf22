// The draft disclosure of a subject access request (issue 21): worked out afresh from the record each
// time (material.ts, then domain/subject-access/redaction-rules.ts), with the officer's decision on
// each item marked for redaction, kept by the item's key. Only an officer of the organisation
// answering sees it; each look is audited once for every case it reads, so each case's own "who has
// looked" shows it. Deciding an item is audited too; a decision made again replaces the last.
import { agenciesToAsk, type AgencyToAsk, type KnownOrganisation } from '../../domain/subject-access/agency-answer.ts';
import { checkDecision, unreviewed, type DecisionProblem, type RedactionDecisionKind } from '../../domain/subject-access/apply-decisions.ts';
import { draftDisclosure, type DraftItem, type FoundItem } from '../../domain/subject-access/redaction-rules.ts';
import type { Queryable } from '../../infrastructure/db/schema.ts';
import type { UserActor } from '../actor.ts';
import { recordAudit, recordAuditAlone, recordAudits } from '../audit.ts';
import type { AppContext } from '../context.ts';
import { recorderFor } from '../recorder.ts';
import { materialFor } from './material.ts';
import { officersRequest, type Refusal, type RequestRow } from './officer-guard.ts';
import type { Invalid } from './requests.ts';
import { findSubject } from './subject.ts';

export interface Decision {
  decision: RedactionDecisionKind;
  reason: string;
  decidedByName: string;
  decidedAt: Date;
}

export interface Draft {
  request: { id: string; subjectName: string; receivedOn: string; dueOn: string; extension: { dueOn: string; reason: string; byName: string } | null; released: { at: Date; byName: string } | null };
  items: (DraftItem & { decision: Decision | null })[];
  unreviewed: number;
  /** The other agencies whose agreement the draft waits on, to record each one's answer at once (agency-answer.ts). */
  agencies: AgencyToAsk[];
  /** The organisations the items' agencies are, by id or by name: each agency asked once (agency-answer.ts). */
  organisations: KnownOrganisation[];
  caseIds: string[];
}

/** The organisations with an account here that the items name, by id or by name (an item recorded by name alone). */
async function organisationsNamed(db: Queryable, items: readonly FoundItem[]): Promise<KnownOrganisation[]> {
  const agencies = items.flatMap((item) => (item.agency ? [item.agency] : []));
  const ids = [...new Set(agencies.flatMap((agency) => (agency.organisationId !== undefined ? [agency.organisationId] : [])))];
  const names = [...new Set(agencies.filter((agency) => agency.organisationId === undefined).map((agency) => agency.name.toLocaleLowerCase('en-GB')))];
  if (ids.length === 0 && names.length === 0) return [];
  return db
    .selectFrom('organisations')
    .select(['id', 'name'])
    .where((eb) => eb.or([...(ids.length > 0 ? [eb('id', 'in', ids)] : []), ...(names.length > 0 ? [eb(eb.fn('lower', ['name']), 'in', names)] : [])]))
    .orderBy('name')
    .execute();
}

/** The draft as the record stands, with the decisions so far. */
export async function loadDraft(db: Queryable, request: RequestRow): Promise<Draft> {
  const [controller, decisions, extension, release, found] = await Promise.all([
    db.selectFrom('organisations').select(['id as organisationId', 'name']).where('id', '=', request.organisation_id).executeTakeFirstOrThrow(),
    db.selectFrom('subject_access_redactions').selectAll().where('request_id', '=', request.id).execute(),
    db.selectFrom('subject_access_extensions').selectAll().where('request_id', '=', request.id).executeTakeFirst(),
    db.selectFrom('subject_access_releases').select(['released_at', 'released_by_name']).where('request_id', '=', request.id).executeTakeFirst(),
    findSubject(db, { nhsNumber: request.nhs_number, personId: request.person_id, parentNhsNumber: request.parent_nhs_number }),
  ]);
  // A subject no longer in any record (withdrawn, disposed of) leaves an empty draft.
  const material = found.ok ? await materialFor(db, found.subject, controller) : { items: [], context: null, caseIds: [] };
  const draft = material.context ? draftDisclosure(material.items, material.context) : [];
  const organisations = await organisationsNamed(db, draft);
  const byKey = new Map(decisions.map((d) => [d.item_key, { decision: d.decision, reason: d.reason, decidedByName: d.decided_by_name, decidedAt: d.decided_at }]));
  return {
    request: {
      id: request.id,
      subjectName: request.subject_name,
      receivedOn: request.received_on,
      dueOn: extension?.due_on ?? request.due_on,
      extension: extension ? { dueOn: extension.due_on, reason: extension.reason, byName: extension.extended_by_name } : null,
      released: release ? { at: release.released_at, byName: release.released_by_name } : null,
    },
    items: draft.map((item) => ({ ...item, decision: item.grounds.length > 0 ? (byKey.get(item.key) ?? null) : null })),
    unreviewed: unreviewed(draft, byKey).length,
    agencies: agenciesToAsk(draft, organisations),
    organisations,
    caseIds: material.caseIds,
  };
}

export async function viewDraft(ctx: AppContext, actor: UserActor, requestId: string): Promise<{ ok: true; value: Draft } | Refusal> {
  const action = 'subject-access.draft';
  const found = await officersRequest(ctx, actor, action, requestId);
  if (!found.ok) return found;
  const draft = await loadDraft(ctx.db, found.request);
  const looked = { action, subjectType: 'subject-access-request', subjectId: requestId };
  await ctx.db.transaction().execute(async (trx) => {
    if (draft.caseIds.length === 0) await recordAudit(trx, ctx, actor, { ...looked, details: { cases: 0 } });
    else await recordAudits(trx, ctx, actor, draft.caseIds.map((caseId) => ({ ...looked, caseId, details: { items: draft.items.filter((i) => i.caseId === caseId).length } })));
  });
  return { ok: true, value: draft };
}

/** The officer's decision on one marked item: redact or disclose, with the reason. Refused once released. */
export async function decideRedaction(
  ctx: AppContext,
  actor: UserActor,
  requestId: string,
  typed: { itemKey: string; decision: string; reason: string },
): Promise<{ ok: true; value: { unreviewed: number } } | Refusal | Invalid<DecisionProblem> | { ok: false; code: 'conflict'; message: string }> {
  const open = await unreleasedDraft(ctx, actor, 'subject-access.decide', requestId, REDACTIONS_FIXED);
  if (!open.ok) return open;
  const { draft, audited } = open;
  const checked = checkDecision(typed, draft.items);
  if (!checked.ok) {
    await recordAuditAlone(ctx, actor, { ...audited, outcome: 'failure', details: { invalid: checked.problems.map((p) => p.field) } });
    return { ok: false, code: 'invalid', message: checked.problems[0]!.message, problems: checked.problems };
  }
  const { decision } = checked;
  const item = draft.items.find((i) => i.key === decision.itemKey)!;
  await ctx.db.transaction().execute(async (trx) => {
    const recorder = await recorderFor(trx, actor);
    const row = { decision: decision.decision, reason: decision.reason, decided_at: ctx.clock.now(), decided_by: actor.userId, decided_by_name: recorder.name };
    await trx
      .insertInto('subject_access_redactions')
      .values({ request_id: requestId, item_key: decision.itemKey, ...row })
      .onConflict((oc) => oc.columns(['request_id', 'item_key']).doUpdateSet(row))
      .execute();
    await recordAudit(trx, ctx, actor, { ...audited, caseId: item.caseId, details: { item: decision.itemKey, decision: decision.decision, grounds: item.grounds } });
  });
  return { ok: true, value: { unreviewed: draft.unreviewed - (item.decision ? 0 : 1) } };
}

export const REDACTIONS_FIXED = 'This request has been released: its redactions can no longer change.';

/**
 * The start of every step that changes a request's draft: the officer's request (refused, audited, to
 * anyone else), its draft, and a refusal, audited, once it has been released (`releasedMessage`).
 * `audited` is the step's audit entry for the rest of the step to complete.
 */
export async function unreleasedDraft(
  ctx: AppContext,
  actor: UserActor,
  action: string,
  requestId: string,
  releasedMessage: string,
): Promise<{ ok: true; draft: Draft; audited: { action: string; subjectType: string; subjectId: string } } | Refusal | { ok: false; code: 'conflict'; message: string }> {
  const found = await officersRequest(ctx, actor, action, requestId);
  if (!found.ok) return found;
  const audited = { action, subjectType: 'subject-access-request', subjectId: requestId };
  const draft = await loadDraft(ctx.db, found.request);
  if (draft.request.released) {
    await recordAuditAlone(ctx, actor, { ...audited, outcome: 'failure', details: { reason: 'released' } });
    return { ok: false, code: 'conflict', message: releasedMessage };
  }
  return { ok: true, draft, audited };
}
