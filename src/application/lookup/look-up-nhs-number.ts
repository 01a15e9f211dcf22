// The NHS number lookup (GET /api/v1/lookup), in the manner of the NHS child protection information
// sharing service: is this person, or are they around, a baby on the record, and whom to contact?
// Only the agencies domain/search/nhs-number-lookup.ts names may ask. The answer is the search's
// need-to-know answer for every caller, whether or not they may open the record: that a record
// exists, what the person is to the baby (never anyone else's name), how old the baby is in a wide
// band, the lead professional to contact, and whether the caller may open it. Every question is
// audited: answered (as cases.lookup, through the search, with the ids found), refused, or a number
// that is not an NHS number.
import { ageBand } from '../../domain/people/record-details.ts';
import { checkNhsNumber, normaliseNhsNumber } from '../../domain/people/nhs-number.ts';
import { NHS_NUMBER_MESSAGE } from '../../domain/people/record-matching.ts';
import { lookedUpAs, mayLookUpNhsNumbers, type LookedUpAs } from '../../domain/search/nhs-number-lookup.ts';
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
    return fail('invalid-nhs-number', NHS_NUMBER_MESSAGE);
  }
  const found = await searchCases(ctx, actor, { nhsNumber }, ACTION);
  if (!found.ok) return fail('invalid-nhs-number', found.message);
  const today = serviceToday(ctx.clock.now());
  const records: LookedUpRecord[] = [];
  for (const hit of found.value.hits) {
    records.push({
      caseId: hit.id,
      as: lookedUpAs(hit.matchedOn, hit.peopleMatched),
      ageBand: hit.restricted ? hit.ageBand : ageBand(hit, today),
      contact: hit.restricted ? hit.contact : await caseContact(ctx.db, hit.id),
      mayOpen: !hit.restricted,
    });
  }
  return ok({ nhsNumber, records, more: found.value.more });
}
