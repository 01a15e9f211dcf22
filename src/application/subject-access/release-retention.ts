// Released subject access disclosures at the end of their own period (issue 21; docs/adr/0014): the
// retention run lists each one past its period (domain/subject-access/release-retention.ts, the
// period an area setting), kept while a legal hold stands on a record it drew on; on confirmation it
// removes the request with its extension, decisions and stored copy, in a transaction of its own,
// everything checked again with the release locked, and appends a tombstone to the audit chain
// (request id, released on, the period, who confirmed) that redacts the entries naming the person.
import { holdsInForce } from '../../domain/retention/disposal-date.ts';
import type { ReleasedItem } from '../../domain/subject-access/apply-decisions.ts';
import { releasedDisclosureRetention } from '../../domain/subject-access/release-retention.ts';
import { serviceToday } from '../../domain/shared/service-day.ts';
import type { Queryable } from '../../infrastructure/db/schema.ts';
import type { Actor } from '../actor.ts';
import { recordTombstone } from '../audit.ts';
import type { AppContext } from '../context.ts';
import { readHoldsOfCases } from '../retention/retention-rows.ts';
import { settingsInForce } from '../settings/settings-in-force.ts';

export interface DueDisclosure {
  requestId: string;
  organisationName: string;
  releasedOn: string;
  /** YYYY-MM-DD: the end of its period, today or before. */
  disposeOn: string;
  keepYears: number;
  /** Why it may not be removed now (a legal hold on a record it drew on); empty when it may. */
  kept: string[];
}

interface ReleaseRow {
  request_id: string;
  organisation_name: string;
  released_at: Date;
  disclosure: unknown;
}

const casesDrawnOn = (disclosure: unknown) => [...new Set((disclosure as ReleasedItem[]).map((item) => item.caseId))];

/** Each release past its period on `today`, with what keeps it: the holds in force on the records it drew on that are still here. */
async function dueOf(db: Queryable, releases: readonly ReleaseRow[], keepYears: number, today: string): Promise<DueDisclosure[]> {
  const holds = await readHoldsOfCases(db, [...new Set(releases.flatMap((release) => casesDrawnOn(release.disclosure)))]);
  return releases.flatMap((release) => {
    const holding = casesDrawnOn(release.disclosure).flatMap((caseId) => holdsInForce(holds.get(caseId) ?? [], today).map((hold) => hold.reason));
    const retention = releasedDisclosureRetention(serviceToday(release.released_at), keepYears, [...new Set(holding)], today);
    if (!retention.ended) return [];
    return [{ requestId: release.request_id, organisationName: release.organisation_name, releasedOn: serviceToday(release.released_at), disposeOn: retention.disposeOn, keepYears, kept: retention.heldBy.map((reason) => `a legal hold stands on a record it drew on: ${reason}`) }];
  });
}

function releases(db: Queryable) {
  return db
    .selectFrom('subject_access_releases as l')
    .innerJoin('subject_access_requests as r', 'r.id', 'l.request_id')
    .innerJoin('organisations as o', 'o.id', 'r.organisation_id')
    .select(['l.request_id', 'o.name as organisation_name', 'l.released_at', 'l.disclosure']);
}

/** The released disclosures whose period has ended on `today`, oldest release first (read without a lock: the removal checks again). */
export async function releasedDisclosuresDue(ctx: AppContext, today: string): Promise<DueDisclosure[]> {
  const keepYears = (await settingsInForce(ctx)).settings.releasedDisclosureKeepYears;
  // A day's margin either side of the period's end in London; the domain decides each by its service day.
  const cutoff = new Date(`${today}T00:00:00Z`);
  cutoff.setUTCFullYear(cutoff.getUTCFullYear() - keepYears);
  cutoff.setUTCDate(cutoff.getUTCDate() + 2);
  const rows = await releases(ctx.db).where('l.released_at', '<', cutoff).orderBy('l.released_at').orderBy('l.request_id').execute();
  return dueOf(ctx.db, rows, keepYears, today);
}

/**
 * Removes one released disclosure listed as due, in a transaction of its own, unless what keeps it
 * came since the list was read: the period (its setting may have been lengthened) and the holds are
 * checked again with the release locked. Returns why it was kept; empty when it was removed.
 */
export async function removeReleasedDisclosure(ctx: AppContext, actor: Actor, listed: DueDisclosure, confirmedBy: string, today: string): Promise<string[]> {
  return ctx.db.transaction().execute(async (trx) => {
    const row = await releases(trx).where('l.request_id', '=', listed.requestId).forUpdate('l').executeTakeFirst();
    if (!row) return ['it was no longer kept'];
    const keepYears = (await settingsInForce(ctx, trx)).settings.releasedDisclosureKeepYears;
    const [now] = await dueOf(trx, [row], keepYears, today);
    if (!now) return ['its period has not ended'];
    if (now.kept.length > 0) return now.kept;
    const request = await trx.selectFrom('subject_access_requests').select(['subject_name', 'nhs_number', 'parent_nhs_number', 'received_on']).where('id', '=', listed.requestId).executeTakeFirstOrThrow();
    await trx.deleteFrom('subject_access_redactions').where('request_id', '=', listed.requestId).execute();
    await trx.deleteFrom('subject_access_extensions').where('request_id', '=', listed.requestId).execute();
    await trx.deleteFrom('subject_access_releases').where('request_id', '=', listed.requestId).execute();
    await trx.deleteFrom('subject_access_requests').where('id', '=', listed.requestId).execute();
    // What names the person in entries about no case: their name as the request gave it ("Sarah Hart, mother") and NHS numbers.
    const mentions = [request.subject_name.split(',')[0] ?? '', request.nhs_number ?? '', request.parent_nhs_number ?? ''].filter((text) => text.trim().length >= 3);
    await recordTombstone(
      trx,
      ctx,
      actor,
      {
        action: 'subject-access.disclosure-disposed',
        subjectType: 'subject-access-request',
        subjectId: listed.requestId,
        details: { rule: 'released-disclosure', keepYears, receivedOn: request.received_on, releasedOn: now.releasedOn, disposeOn: now.disposeOn, disposedOn: today, confirmedBy },
      },
      { caseId: listed.requestId, mentions },
    );
    return [];
  });
}
