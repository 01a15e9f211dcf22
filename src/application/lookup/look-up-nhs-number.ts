// The NHS number lookup (GET /api/v1/lookup), in the manner of the NHS child protection information
// sharing service: is this person, or are they around, a baby on the record, and whom to contact?
// Only the agencies domain/search/nhs-number-lookup.ts names may ask. The answer is the search's
// need-to-know answer for every caller, whether or not they may open the record: that a record
// exists, what the person is to the baby (never anyone else's name), how old the baby is in a wide
// band, the lead professional to contact, whether the caller may open it, and, as CP-IS tells an
// emergency department, whether the baby has a child protection plan or is looked after
// (domain/search/protection-status.ts). Every question is
// audited: answered (as cases.lookup, through the search, with the ids found), refused, or a number
// that is not an NHS number.
import { ageBand } from '../../domain/people/record-details.ts';
import { checkNhsNumber, nhsNumberWords, normaliseNhsNumber } from '../../domain/people/nhs-number.ts';
import { lookedUpAs, mayLookUpNhsNumbers, type LookedUpAs } from '../../domain/search/nhs-number-lookup.ts';
import { protectionStatusOf, type ProtectionStatus } from '../../domain/search/protection-status.ts';
import { serviceToday } from '../../domain/shared/service-day.ts';
import type { UserActor } from '../actor.ts';
import { recordAuditAlone } from '../audit.ts';
import { caseContact } from '../cases/case-access.ts';
import { searchCases, type CaseContact } from '../cases/search-cases.ts';
import type { AppContext } from '../context.ts';
import { fail, ok, type Result } from '../result.ts';

export interface LookedUpRecord {
  caseId: string;
  /** What the person looked up is to this baby: the baby itself, or their relationship to it. */
  as: LookedUpAs[];
  /** "unborn, due March 2027", "under 3 months" …: never the date itself. */
  ageBand: string;
  /** The lead professional: who to call. Null when the record has none. */
  contact: CaseContact | null;
  /** The caller is in the team or oversees it: they may open the record. Otherwise only in an emergency. */
  mayOpen: boolean;
  /** Whether the baby has a child protection plan (since when, or when the latest ended) or is looked after. */
  protection: ProtectionStatus;
}

export interface LookupAnswer {
  nhsNumber: string;
  records: LookedUpRecord[];
  /** More records were found than are given. */
  more: boolean;
}

export type LookupFailure = 'not-allowed' | 'invalid-nhs-number';

const ACTION = 'cases.lookup';
/** What is kept of a number that is not an NHS number, in the audit: the API takes no more. */
const LONGEST_TYPED = 100;

export async function lookUpNhsNumber(ctx: AppContext, actor: UserActor, typed: string): Promise<Result<LookupAnswer, LookupFailure>> {
  const organisation = await ctx.db.selectFrom('organisations').select('kind').where('id', '=', actor.organisationId).executeTakeFirst();
  if (!organisation || !mayLookUpNhsNumbers(actor.role, organisation.kind)) {
    await recordAuditAlone(ctx, actor, { action: ACTION, outcome: 'denied', details: { reason: 'not-allowed', organisationKind: organisation?.kind ?? null } });
    return fail('not-allowed', "Your agency does not use the NHS number lookup. Search for the record instead: it gives the same answer.");
  }
  const nhsNumber = normaliseNhsNumber(typed.trim());
  if (checkNhsNumber(nhsNumber) !== null) {
    await recordAuditAlone(ctx, actor, { action: ACTION, outcome: 'failure', details: { reason: 'invalid-nhs-number', nhsNumber: typed.slice(0, LONGEST_TYPED) } });
    return fail('invalid-nhs-number', nhsNumberWords(nhsNumber)!);
  }
  const found = await searchCases(ctx, actor, { nhsNumber }, ACTION);
  if (!found.ok) return fail('invalid-nhs-number', found.message);
  const today = serviceToday(ctx.clock.now());
  const protection = await protectionOf(ctx, found.value.hits.map((hit) => hit.id), today);
  const records: LookedUpRecord[] = [];
  for (const hit of found.value.hits) {
    records.push({
      caseId: hit.id,
      as: lookedUpAs(hit.matchedOn, hit.peopleMatched),
      ageBand: hit.restricted ? hit.ageBand : ageBand(hit, today),
      contact: hit.restricted ? hit.contact : await caseContact(ctx.db, hit.id),
      mayOpen: !hit.restricted,
      protection: protection.get(hit.id)!,
    });
  }
  return ok({ nhsNumber, records, more: found.value.more });
}

/** Each case's child protection status, from its level and its conferences: two statements for every case found. */
async function protectionOf(ctx: AppContext, caseIds: readonly string[], today: string): Promise<Map<string, ProtectionStatus>> {
  if (caseIds.length === 0) return new Map();
  const [cases, meetings] = await Promise.all([
    ctx.db.selectFrom('cases').select(['id', 'level']).where('id', 'in', caseIds).execute(),
    ctx.db.selectFrom('case_meetings').select(['case_id', 'kind', 'held_on', 'protection_plan']).where('case_id', 'in', caseIds).execute(),
  ]);
  return new Map(cases.map((row) => {
    const conferences = meetings.filter((meeting) => meeting.case_id === row.id).map((meeting) => ({ kind: meeting.kind, heldOn: meeting.held_on, ...(meeting.protection_plan === null ? {} : { protectionPlan: meeting.protection_plan }) }));
    return [row.id, protectionStatusOf(row.level, conferences, today)];
  }));
}
