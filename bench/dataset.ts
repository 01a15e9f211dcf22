// The benchmark's data, in one step: the synthetic partnership generator
// (src/application/synthetic/load-synthetic-partnership.ts) makes `infants` families, then the
// benchmark's own fixtures go on top, through the factories and the batch use case, because the
// scenarios need people the generator does not single out and alerts it does not raise: a
// practitioner with 40 cases, a baby among them with 2,000 entries, and a safeguarding lead on 80
// cases that each had an emergency attendance (80 open alerts). Each fixture case has a mother and a
// few routine entries.
//
// A kept database (npm run bench -- --keep) is loaded once: findBenchDataset locates the fixtures in it
// by their organisation's and users' names, and makeWriteCases gives each run cases of its own to write
// to, made like the fixtures' (bench cases 1-80), so the measured writes (single events, batches, the bare
// INSERT) never land on the cases the pages read and a second run reads what the first one read.
import { sql } from 'kysely';
import type { UserActor } from '../src/application/actor.ts';
import { createTokenForEmail } from '../src/application/auth/api-tokens.ts';
import { cliOperator } from '../src/application/actor.ts';
import { BATCH_LIMIT, recordBatch, type BatchItem } from '../src/application/chronology/record-batch.ts';
import type { AppContext } from '../src/application/context.ts';
import { createRandom } from '../src/domain/shared/seeded-random.ts';
import { loadSyntheticPartnership } from '../src/application/synthetic/load-synthetic-partnership.ts';
import type { IngestCase } from './ingest.ts';
import { actorFor, makeCase, makeOrganisation, makePerson, makeUser, TEST_PASSWORD } from '../test/helpers/factories.ts';

export interface BenchUser {
  id: string;
  email: string;
  password: string;
}

export interface BenchDataset {
  /** What made the data, for the report. */
  description: string;
  /** Signed in for the home page: 40 cases. */
  practitioner: BenchUser;
  /** Signed in for the alerts page. */
  safeguardingLead: BenchUser;
  /** A case of the practitioner's with an ordinary chronology: the overview and profile pages. */
  ordinaryCaseId: string;
  /** The baby with 2,000 chronology entries. */
  longChronologyCaseId: string;
  /** Where the API scenario records events, and the mother it names. */
  ingestCaseId: string;
  ingestPersonId: string;
  /** The cases an agency batch writes to (the lead's, without the long chronology), with each one's mother. */
  batchCases: IngestCase[];
  /** A bearer token of a team member of the ingest case and the batch cases. */
  apiToken: string;
}

const ORGANISATION = 'Bench Health Visiting';
const PRACTITIONER = 'Practitioner With Forty';
const LEAD = 'Safeguarding Lead';
const RECORDER = 'Agency Feed';
/** The fixture cases' family names: Family0 (the long chronology) to Family80 (the ingest case). */
const FIXTURE_FAMILY = /^Family([0-9]+)$/;
const CASELOAD = 40;
const LEAD_CASES = 80;
const LONG_CHRONOLOGY = 2000;
const ENTRIES_PER_CASE = 6;
const ROUTINE_KINDS = ['home-visit', 'clinic-contact', 'gp-consultation', 'clinic-contact', 'home-visit', 'was-not-brought'] as const;

/** The day `daysAgo` days before the clock's today, as YYYY-MM-DD. */
function dayBefore(ctx: AppContext, daysAgo: number): string {
  return new Date(ctx.clock.now().getTime() - daysAgo * 86_400_000).toISOString().slice(0, 10);
}

async function storeAll(ctx: AppContext, actor: UserActor, items: BatchItem[]): Promise<void> {
  for (let start = 0; start < items.length; start += BATCH_LIMIT) {
    const outcome = await recordBatch(ctx, actor, items.slice(start, start + BATCH_LIMIT));
    if (outcome.rejected.length > 0) throw new Error(`The dataset's entries were refused: ${JSON.stringify(outcome.rejected.slice(0, 3))}`);
  }
}

type Role = Parameters<typeof actorFor>[0]['role'];
type Item = (caseId: string, motherId: string, kind: string, daysAgo: number, summary: string) => void;

/**
 * The fixture cases `from` to `to` (bench case numbers, 0-80) as loadBenchDataset makes them: the first 40 in the
 * practitioner's caseload, the first 80 the lead's with an emergency attendance each, all recorded by the recorder.
 */
async function makeFixtureCases(ctx: AppContext, users: { practitioner: { id: string }; lead: { id: string }; recorder: { id: string } }, random: ReturnType<typeof createRandom>, from: number, to: number, familyPrefix: string, add: Item) {
  const cases: { id: string; motherId: string }[] = [];
  for (let index = from; index <= to; index++) {
    const team = [index < CASELOAD ? users.practitioner.id : users.recorder.id, ...(index < LEAD_CASES ? [users.lead.id] : []), ...(index < CASELOAD ? [users.recorder.id] : [])];
    const { id } = await makeCase(ctx, { familyName: `${familyPrefix}${String(index)}`, teamUserIds: team });
    const { id: motherId } = await makePerson(ctx, id);
    cases.push({ id, motherId });
  }
  for (const [offset, { id, motherId }] of cases.entries()) {
    for (let n = 0; n < ENTRIES_PER_CASE; n++) {
      add(id, motherId, random.pick(ROUTINE_KINDS), random.int(1, 300), `Routine contact ${String(n + 1)}`);
    }
    if (from + offset < LEAD_CASES) add(id, motherId, 'emergency-attendance', random.int(1, 30), 'Brought to the emergency department');
  }
  return cases;
}

function itemList(ctx: AppContext): { items: BatchItem[]; add: Item } {
  const items: BatchItem[] = [];
  const add: Item = (caseId, motherId, kind, daysAgo, summary) =>
    items.push({ index: items.length, caseId, entry: { kind, occurredAt: dayBefore(ctx, daysAgo), summary, source: 'agency-record', personIds: [motherId] } });
  return { items, add };
}

async function apiToken(ctx: AppContext, email: string): Promise<string> {
  const token = await createTokenForEmail(ctx, cliOperator, email);
  if (!token.ok) throw new Error(token.message);
  return token.value.token;
}

export async function loadBenchDataset(ctx: AppContext, options: { infants: number; seed: number }): Promise<BenchDataset> {
  const generated = await loadSyntheticPartnership(ctx, cliOperator, options);
  if (!generated.ok) throw new Error(generated.message);
  const fixtureCases = LEAD_CASES + 1;
  const random = createRandom(options.seed);
  const organisation = await makeOrganisation(ctx, 'health-visiting', ORGANISATION);
  const practitioner = await makeUser(ctx, { organisationId: organisation.id, name: PRACTITIONER });
  const safeguardingLead = await makeUser(ctx, { organisationId: organisation.id, role: 'safeguarding-lead', name: LEAD });
  // Records every entry, so the alerts it raises reach the practitioner and the lead unacknowledged.
  const recorder = await makeUser(ctx, { organisationId: organisation.id, name: RECORDER });

  const { items, add } = itemList(ctx);
  const cases = await makeFixtureCases(ctx, { practitioner, lead: safeguardingLead, recorder }, random, 0, LEAD_CASES, 'Family', add);
  const long = cases[0]!;
  for (let n = 0; n < LONG_CHRONOLOGY; n++) {
    add(long.id, long.motherId, random.pick(ROUTINE_KINDS), 1 + Math.floor((n * 700) / LONG_CHRONOLOGY), `Contact ${String(n + 1)} of a long chronology`);
  }
  await storeAll(ctx, actorFor(recorder), items);

  const ingest = cases[cases.length - 1]!;
  return {
    description: `synthetic generator: ${String(generated.counts.infants)} infants, ${String(generated.counts.entries)} entries; bench fixtures: ${String(fixtureCases)} cases, ${String(items.length)} entries`,
    practitioner,
    safeguardingLead,
    ordinaryCaseId: cases[1]!.id,
    longChronologyCaseId: long.id,
    ingestCaseId: ingest.id,
    ingestPersonId: ingest.motherId,
    batchCases: cases.slice(1, LEAD_CASES).map(({ id, motherId }) => ({ id, motherId })),
    apiToken: await apiToken(ctx, recorder.email),
  };
}

/** What a kept database holds beside the fixtures: the generated infants (one case each) and, for the report, the entries. */
export interface FoundDataset extends BenchDataset {
  /** Cases outside the bench organisation's teams: the generator's infants. */
  infants: number;
  /** The recorder, who records the measured writes. */
  recorderId: string;
  organisationId: string;
}

/**
 * The fixtures of a database loaded by loadBenchDataset (kept with --keep), found by their organisation's and users'
 * names and the fixture cases' family names; undefined when the database holds no bench organisation. Read only,
 * but for a new API token for the recorder.
 */
export async function findBenchDataset(ctx: AppContext): Promise<FoundDataset | undefined> {
  const organisation = await ctx.db.selectFrom('organisations').select('id').where('name', '=', ORGANISATION).orderBy('created_at').executeTakeFirst();
  if (!organisation) return undefined;
  const users = await ctx.db.selectFrom('users').select(['id', 'email', 'name', 'role', 'organisation_id']).where('organisation_id', '=', organisation.id).orderBy('created_at').execute();
  const named = (name: string) => {
    const user = users.find((u) => u.name === name);
    if (!user) throw new Error(`The kept database has the bench organisation but no user "${name}": load it again into an empty database`);
    return { id: user.id, email: user.email, password: TEST_PASSWORD };
  };
  const practitioner = named(PRACTITIONER);
  const safeguardingLead = named(LEAD);
  const recorder = named(RECORDER);
  const teamCases = await ctx.db
    .selectFrom('case_team')
    .innerJoin('cases', 'cases.id', 'case_team.case_id')
    .select(['cases.id', 'cases.family_name'])
    .where('case_team.user_id', '=', recorder.id)
    .where('cases.family_name', 'like', 'Family%')
    .execute();
  const numbered = teamCases.flatMap((c) => {
    const match = FIXTURE_FAMILY.exec(c.family_name ?? '');
    return match ? [{ id: c.id, index: Number(match[1]) }] : [];
  });
  const byIndex = new Map(numbered.map((c) => [c.index, c.id]));
  if (byIndex.size !== LEAD_CASES + 1 || numbered.length !== LEAD_CASES + 1) throw new Error(`The kept database holds ${String(numbered.length)} bench fixture cases, not ${String(LEAD_CASES + 1)}: load it again into an empty database`);
  const caseIds = Array.from({ length: LEAD_CASES + 1 }, (_, index) => byIndex.get(index)!);
  const people = await ctx.db.selectFrom('people').select(['id', 'case_id']).where('case_id', 'in', caseIds).orderBy('created_at').orderBy('id').execute();
  const mothers = new Map<string, string>();
  for (const person of people) if (!mothers.has(person.case_id)) mothers.set(person.case_id, person.id);
  const cases = caseIds.map((id) => ({ id, motherId: mothers.get(id)! }));

  const [counted] = (
    await sql<{ cases: string; bench: string; entries: string }>`
      SELECT (SELECT count(*) FROM cases) AS cases,
             (SELECT count(DISTINCT ct.case_id) FROM case_team ct JOIN users u ON u.id = ct.user_id WHERE u.organisation_id = ${organisation.id}) AS bench,
             (SELECT reltuples::bigint FROM pg_class WHERE relname = 'chronology_entries') AS entries`.execute(ctx.db)
  ).rows;
  const infants = Number(counted!.cases) - Number(counted!.bench);
  const ingest = cases[LEAD_CASES]!;
  return {
    description: `kept database: ${String(infants)} generated infants, about ${counted!.entries} entries in all (the planner's estimate); bench fixtures found: ${String(LEAD_CASES + 1)} cases (${counted!.bench} cases in the bench organisation's teams, with the earlier runs' own)`,
    infants,
    recorderId: recorder.id,
    organisationId: organisation.id,
    practitioner,
    safeguardingLead,
    ordinaryCaseId: cases[1]!.id,
    longChronologyCaseId: cases[0]!.id,
    ingestCaseId: ingest.id,
    ingestPersonId: ingest.motherId,
    batchCases: cases.slice(1, LEAD_CASES).map(({ id, motherId }) => ({ id, motherId })),
    apiToken: await apiToken(ctx, recorder.email),
  };
}

/**
 * Cases for one run's writes on a kept database: bench cases 1-80 made again, as loadBenchDataset makes them (the
 * same teams with a practitioner and a lead of the run's own and the same recorder, a mother, six routine entries,
 * an emergency attendance on the lead's), named Run<label>-Family<n>. The single event goes to the 80th, the
 * batches and the bare INSERT to the other 79, so the cases the pages read are never written to.
 */
export async function makeWriteCases(ctx: AppContext, found: FoundDataset, label: string, seed: number): Promise<Pick<BenchDataset, 'ingestCaseId' | 'ingestPersonId' | 'batchCases'>> {
  const recorderRow = await ctx.db.selectFrom('users').select(['id', 'email', 'organisation_id', 'role']).where('id', '=', found.recorderId).executeTakeFirstOrThrow();
  const recorder = { id: recorderRow.id, organisationId: recorderRow.organisation_id, role: recorderRow.role as Role };
  const practitioner = await makeUser(ctx, { organisationId: found.organisationId, name: `Run ${label} practitioner` });
  const lead = await makeUser(ctx, { organisationId: found.organisationId, role: 'safeguarding-lead', name: `Run ${label} safeguarding lead` });
  const { items, add } = itemList(ctx);
  const cases = await makeFixtureCases(ctx, { practitioner, lead, recorder }, createRandom(seed), 1, LEAD_CASES, `Run${label}-Family`, add);
  await storeAll(ctx, actorFor(recorder), items);
  const ingest = cases[cases.length - 1]!;
  return { ingestCaseId: ingest.id, ingestPersonId: ingest.motherId, batchCases: cases.slice(0, LEAD_CASES - 1) };
}

/** The organisation whose staff are in the most cases' teams (where a synthetic partnership's lead or manager has most to see), and that number of cases. */
export async function busiestOrganisation(ctx: AppContext): Promise<{ organisation_id: string; cases: string }> {
  return ctx.db
    .selectFrom('case_team')
    .innerJoin('users', 'users.id', 'case_team.user_id')
    .select(['users.organisation_id', (eb) => eb.fn.count<string>('case_team.case_id').distinct().as('cases')])
    .groupBy('users.organisation_id')
    .orderBy('cases', 'desc')
    .executeTakeFirstOrThrow();
}
