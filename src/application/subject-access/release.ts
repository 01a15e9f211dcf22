// Releasing a subject access disclosure (issue 21): refused (audited) while any item marked for
// redaction is unreviewed; otherwise the disclosure as released (domain/subject-access/
// apply-decisions.ts: redactions applied) is kept, once, and its PDF is made from it for the officer
// to download. Every step audited.
import { releasedDisclosure, type ReleasedItem } from '../../domain/subject-access/apply-decisions.ts';
import type { UserActor } from '../actor.ts';
import { recordAudit, recordAuditAlone } from '../audit.ts';
import type { AppContext } from '../context.ts';
import { recorderFor } from '../recorder.ts';
import { unreleasedDraft } from './draft.ts';
import { officersRequest, type Refusal } from './officer-guard.ts';

export type ReleaseRefusal = { ok: false; code: 'unreviewed'; message: string; unreviewed: number } | { ok: false; code: 'conflict'; message: string };

export async function releaseDisclosure(ctx: AppContext, actor: UserActor, requestId: string): Promise<{ ok: true; value: { releasedAt: Date; items: number; withheld: number } } | Refusal | ReleaseRefusal> {
  const open = await unreleasedDraft(ctx, actor, 'subject-access.release', requestId, 'This request has been released already: download its PDF from the request’s page.');
  if (!open.ok) return open;
  const { draft, audited } = open;
  if (draft.unreviewed > 0) {
    await recordAuditAlone(ctx, actor, { ...audited, outcome: 'failure', details: { reason: 'unreviewed', unreviewed: draft.unreviewed } });
    const count = draft.unreviewed === 1 ? '1 redaction is' : `${String(draft.unreviewed)} redactions are`;
    return { ok: false, code: 'unreviewed', unreviewed: draft.unreviewed, message: `${count} not reviewed yet. Decide each one, redact or disclose with the reason, before releasing.` };
  }
  const decisions = new Map(draft.items.flatMap((item) => (item.decision ? [[item.key, item.decision] as const] : [])));
  const items = releasedDisclosure(draft.items, decisions);
  const releasedAt = ctx.clock.now();
  const withheld = items.filter((item) => item.withheld !== null).length;
  await ctx.db.transaction().execute(async (trx) => {
    const recorder = await recorderFor(trx, actor);
    await trx.insertInto('subject_access_releases').values({ request_id: requestId, released_at: releasedAt, released_by: actor.userId, released_by_name: recorder.name, disclosure: JSON.stringify(items) }).execute();
    await recordAudit(trx, ctx, actor, { ...audited, details: { items: items.length, withheld, cases: draft.caseIds.length } });
  });
  return { ok: true, value: { releasedAt, items: items.length, withheld } };
}

export interface Released {
  subjectName: string;
  receivedOn: string;
  releasedAt: Date;
  releasedByName: string;
  organisationName: string;
  items: ReleasedItem[];
}

/** The disclosure as released, for its PDF: the officer's download, audited. */
export async function viewReleased(ctx: AppContext, actor: UserActor, requestId: string): Promise<{ ok: true; value: Released } | Refusal> {
  const action = 'subject-access.download';
  const found = await officersRequest(ctx, actor, action, requestId);
  if (!found.ok) return found;
  const release = await ctx.db
    .selectFrom('subject_access_releases as l')
    .innerJoin('subject_access_requests as r', 'r.id', 'l.request_id')
    .innerJoin('organisations as o', 'o.id', 'r.organisation_id')
    .select(['l.released_at', 'l.released_by_name', 'l.disclosure', 'r.subject_name', 'r.received_on', 'o.name as organisation_name'])
    .where('l.request_id', '=', requestId)
    .executeTakeFirst();
  if (!release) {
    await recordAuditAlone(ctx, actor, { action, outcome: 'failure', subjectType: 'subject-access-request', subjectId: requestId, details: { reason: 'not-released' } });
    return { ok: false, code: 'not-found', message: 'This request has not been released yet.' };
  }
  await recordAuditAlone(ctx, actor, { action, subjectType: 'subject-access-request', subjectId: requestId });
  return {
    ok: true,
    value: { subjectName: release.subject_name, receivedOn: release.received_on, releasedAt: release.released_at, releasedByName: release.released_by_name, organisationName: release.organisation_name, items: release.disclosure as ReleasedItem[] },
  };
}
