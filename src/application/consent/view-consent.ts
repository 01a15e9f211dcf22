// Reading a case's consent and information sharing: the records, one line a consent or sharing in
// words (domain/consent/consent-summary.ts), and when the GP was last told (the latest current
// `gp-informed` entry of the chronology, domain/consent/gp-told.ts). Access as for the meetings and
// the plan: the team, organisation oversight and emergency access read them; the look, a refusal and
// a missing case are each one audit entry (consent.list). With an intent (a form to record one),
// refused and audited unless the user may change the case.
import type { AccessBasis } from '../../domain/access/case-access.ts';
import { consentsStillGiven } from '../../domain/consent/consent-rules.ts';
import { summariseConsent, type ConsentLine } from '../../domain/consent/consent-summary.ts';
import type { RecordedConsent } from '../../domain/consent/consent.types.ts';
import { GP_TOLD_KIND, gpLastTold, type GpTold } from '../../domain/consent/gp-told.ts';
import { infantDisplayName } from '../../domain/people/infant-name.ts';
import { serviceToday } from '../../domain/shared/service-day.ts';
import type { Queryable } from '../../infrastructure/db/schema.ts';
import type { UserActor } from '../actor.ts';
import { recordAuditAlone } from '../audit.ts';
import { loadCaseAccess } from '../cases/case-access.ts';
import { refusedForIntent, refusedOutsideTeam, type CaseIntent } from '../cases/case-intent.ts';
import { entryFromRow } from '../chronology/chronology-rows.ts';
import type { AppContext } from '../context.ts';
import { readCasePeople, readConsents, readTeamUsers, type CasePerson } from './consent-rows.ts';

export interface ConsentView {
  caseId: string;
  babyName: string;
  records: RecordedConsent[];
  lines: ConsentLine[];
  /** Consents given and not withdrawn, with their line: what a withdrawal may name. */
  stillGiven: ConsentLine[];
  gpLastTold: GpTold | null;
  people: CasePerson[];
  /** Who may be named as having decided to share without consent: the team, and the reader. */
  deciders: { id: string; name: string }[];
  basis: AccessBasis;
  canChange: boolean;
  /** The service's day: nothing may be dated after it. */
  today: string;
}

export type ViewConsentResult = { ok: true; value: ConsentView } | { ok: false; code: 'not-found' | 'forbidden'; message: string };

/** The latest current time the GP was told: `gp-informed` entries and every correction, so a corrected one no longer counts. */
export async function readGpLastTold(db: Queryable, caseId: string): Promise<GpTold | null> {
  const rows = await db
    .selectFrom('chronology_entries')
    .selectAll()
    .where('case_id', '=', caseId)
    .where((eb) => eb.or([eb('kind', '=', GP_TOLD_KIND), eb('corrects', 'is not', null)]))
    .execute();
  const details = new Map(rows.map((row) => [row.id, row.details]));
  return gpLastTold(rows.map(entryFromRow), (entry) => details.get(entry.id) ?? {});
}

export async function viewConsent(ctx: AppContext, actor: UserActor, caseId: string, intent?: CaseIntent): Promise<ViewConsentResult> {
  const now = ctx.clock.now();
  const theCase = await ctx.db.selectFrom('cases').select(['status', 'given_name', 'family_name']).where('id', '=', caseId).executeTakeFirst();
  if (!theCase) {
    await recordAuditAlone(ctx, actor, { action: 'consent.list', outcome: 'failure', subjectType: 'case', subjectId: caseId, details: { reason: 'not-found' } });
    return { ok: false, code: 'not-found', message: 'There is no case with this id.' };
  }
  const access = await loadCaseAccess(ctx.db, actor, caseId, now);
  if (!access.allowed) return refusedOutsideTeam(ctx, actor, caseId, { action: 'consent.list' }, intent);
  if (await refusedForIntent(ctx, actor, caseId, access, intent)) return { ok: false, code: 'forbidden', message: 'Your access to this record does not allow this.' };
  const [records, people, team, told, reader] = await Promise.all([
    readConsents(ctx.db, caseId),
    readCasePeople(ctx.db, caseId),
    readTeamUsers(ctx.db, caseId),
    readGpLastTold(ctx.db, caseId),
    ctx.db.selectFrom('users').select(['id', 'name']).where('id', '=', actor.userId).executeTakeFirst(),
  ]);
  const names = new Map(people.map((p) => [p.id, p.name]));
  const lines = summariseConsent(records, (id) => names.get(id) ?? 'someone no longer on the case');
  const stillGiven = consentsStillGiven(records);
  await recordAuditAlone(ctx, actor, { action: 'consent.list', caseId, subjectType: 'case', subjectId: caseId, details: { basis: access.basis, records: records.length, gpTold: told !== null } });
  return {
    ok: true,
    value: {
      caseId,
      babyName: infantDisplayName({ status: theCase.status, givenName: theCase.given_name, familyName: theCase.family_name }),
      records,
      lines,
      stillGiven: lines.filter((line) => stillGiven.has(line.id)),
      gpLastTold: told,
      people,
      deciders: reader && !team.some((u) => u.id === reader.id) ? [...team, reader] : team,
      basis: access.basis,
      canChange: access.canChange,
      today: serviceToday(now),
    },
  };
}
