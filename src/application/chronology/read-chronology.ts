// Reading a baby's chronology for the pages: every entry with what corrects it, the entries the
// filters keep, and the names of the case and its people, checked and audited. A CSV file or a
// printed copy leaves the service, so it is audited as its own action, 'chronology.export'. One
// entry's page reads the same, audited as a read of that entry.
import { filterEntries, keepMatching, type ChronologyFilters, type ListedEntry } from '../../domain/chronology/filter-entries.ts';
import { infantDisplayName } from '../../domain/people/infant-name.ts';
import { personDisplayName } from '../../domain/people/relationships.ts';
import type { UserActor } from '../actor.ts';
import { recordAuditAlone } from '../audit.ts';
import { loadCaseAccess } from '../cases/case-access.ts';
import { refusedForIntent, refusedOutsideTeam, type CaseIntent } from '../cases/case-intent.ts';
import type { AppContext } from '../context.ts';
import { compiledOnce } from '../../infrastructure/db/compiled-once.ts';
import type { ChronologyEntry, ChronologyPattern } from '../../domain/chronology/chronology.types.ts';

export interface ChronologyRecord {
  caseName: string;
  /** Everyone in the record, by name, for choices and for naming who an entry is about. */
  people: { id: string; name: string }[];
  /** Every entry, corrected ones included, oldest first. Shared between views of the same chronology: each entry frozen, the list read-only by its type. */
  all: readonly ListedEntry[];
  /** The agencies and the kinds of entry in the chronology, each once, for the filters' choices. */
  agencies: readonly string[];
  kinds: readonly string[];
  /** The entries the filters keep, oldest first (the one entry asked for, when one was). */
  entries: readonly ListedEntry[];
  /** Patterns in the whole chronology, exactly as the profile finds them. */
  patterns: readonly ChronologyPattern[];
  canChange: boolean;
}

export type ReadChronologyResult =
  | { ok: true; value: ChronologyRecord }
  | { ok: false; code: 'not-found'; message: string }
  | { ok: false; code: 'forbidden'; message: string };

export interface ReadChronologyOptions {
  filters?: ChronologyFilters;
  /** Set when the entries leave the service as a file or on paper. */
  exportAs?: 'csv' | 'print';
  /** Set when the chronology is read to change it: refused, and audited, unless the user may. */
  intent?: CaseIntent;
  /** Set when one entry is shown on its own page: not found unless the chronology holds it. */
  entryId?: string;
}

/** A chronology listed for the pages: what depends on its entries alone. */
interface ListedChronology {
  all: readonly ListedEntry[];
  agencies: readonly string[];
  kinds: readonly string[];
}

/**
 * Each chronology listed once, kept for as long as the profile cache keeps the entries it was
 * listed from (that list stands for one profile version), so a view of a long chronology neither
 * copies every entry again nor looks through them all for the filters' choices. The entries are
 * frozen, the lists are not (a frozen array is filtered on a slow path: chronology-cache.ts).
 */
const listedChronologies = new WeakMap<readonly ChronologyEntry[], ListedChronology>();

function listedOnce(stored: readonly ChronologyEntry[]): ListedChronology {
  let listed = listedChronologies.get(stored);
  if (!listed) {
    const all = filterEntries(stored, {}).map((entry) => Object.freeze(entry));
    listed = Object.freeze({ all, agencies: [...new Set(all.map((entry) => entry.agency))], kinds: [...new Set(all.map((entry) => entry.kind))] });
    listedChronologies.set(stored, listed);
  }
  return listed;
}

/** The case's name and status; its people, by when they were added. Each compiled once (issue 12). */
const caseRecord = compiledOnce((db, caseId: string) => db.selectFrom('cases').select(['status', 'given_name', 'family_name', 'profile_version']).where('id', '=', caseId));
const casePeople = compiledOnce((db, caseId: string) =>
  db.selectFrom('people').select(['id', 'given_name', 'family_name', 'description', 'identity_known']).where('case_id', '=', caseId).orderBy('created_at').orderBy('id'),
);

export async function readChronology(ctx: AppContext, actor: UserActor, caseId: string, options: ReadChronologyOptions = {}): Promise<ReadChronologyResult> {
  const filters = options.filters ?? {};
  const action = options.exportAs ? 'chronology.export' : 'chronology.view';
  const subject = options.entryId === undefined ? { subjectType: 'case', subjectId: caseId } : { subjectType: 'chronology-entry', subjectId: options.entryId };
  const [record] = await caseRecord(ctx.db, caseId);
  if (!record) return { ok: false, code: 'not-found', message: 'There is no case with this id.' };
  const access = await loadCaseAccess(ctx.db, actor, caseId, ctx.clock.now());
  if (!access.allowed) return refusedOutsideTeam(ctx, actor, caseId, { action, ...subject }, options.intent);
  if (await refusedForIntent(ctx, actor, caseId, access, options.intent)) return { ok: false, code: 'forbidden', message: 'Your access to this record does not allow this.' };
  const [profile, people] = await Promise.all([
    ctx.profiles.read(ctx, caseId, record.profile_version),
    casePeople(ctx.db, caseId),
  ]);
  // Every entry is listed once (each marked with its corrections); the filters keep some of those.
  const { all, agencies, kinds } = listedOnce(profile?.stored.chronology ?? []);
  const entries = options.entryId === undefined ? keepMatching(all, filters) : all.filter((entry) => entry.id === options.entryId);
  if (options.entryId !== undefined && entries.length === 0) return { ok: false, code: 'not-found', message: 'There is no entry with this id in this chronology.' };
  await recordAuditAlone(ctx, actor, {
    action,
    caseId,
    ...subject,
    details:
      options.entryId === undefined
        ? { basis: access.basis, ...(options.exportAs ? { format: options.exportAs } : {}), filters: { ...filters }, shown: entries.length }
        : { basis: access.basis },
  });
  return {
    ok: true,
    value: {
      caseName: infantDisplayName({ status: record.status, givenName: record.given_name, familyName: record.family_name }),
      people: people.map((p) => ({ id: p.id, name: personDisplayName({ givenName: p.given_name, familyName: p.family_name, description: p.description, identityKnown: p.identity_known }) })),
      all,
      agencies,
      kinds,
      entries,
      patterns: profile?.stored.facts.patterns ?? [],
      canChange: access.canChange,
    },
  };
}
