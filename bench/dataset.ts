// The benchmark's data, in one step: the synthetic partnership generator
// (src/application/synthetic/load-synthetic-partnership.ts) makes `infants` families, then the
// benchmark's own fixtures go on top, through the factories and the batch use case, because the
// scenarios need people the generator does not single out and alerts it does not raise: a
// practitioner with 40 cases, a baby among them with 2,000 entries, and a safeguarding lead on 80
// cases that each had an emergency attendance (80 open alerts). Each fixture case has a mother and a
// few routine entries.
import type { UserActor } from '../src/application/actor.ts';
import { createTokenForEmail } from '../src/application/auth/api-tokens.ts';
import { cliOperator } from '../src/application/actor.ts';
import { BATCH_LIMIT, recordBatch, type BatchItem } from '../src/application/chronology/record-batch.ts';
import type { AppContext } from '../src/application/context.ts';
import { createRandom } from '../src/synthetic/random.ts';
import { loadSyntheticPartnership } from '../src/application/synthetic/load-synthetic-partnership.ts';
import type { IngestCase } from './ingest.ts';
import { actorFor, makeCase, makeOrganisation, makePerson, makeUser } from '../test/helpers/factories.ts';

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

export async function loadBenchDataset(ctx: AppContext, options: { infants: number; seed: number }): Promise<BenchDataset> {
  const generated = await loadSyntheticPartnership(ctx, cliOperator, options);
  if (!generated.ok) throw new Error(generated.message);
  const fixtureCases = LEAD_CASES + 1;
  const random = createRandom(options.seed);
  const organisation = await makeOrganisation(ctx, 'health-visiting', 'Bench Health Visiting');
  const practitioner = await makeUser(ctx, { organisationId: organisation.id, name: 'Practitioner With Forty' });
  const safeguardingLead = await makeUser(ctx, { organisationId: organisation.id, role: 'safeguarding-lead', name: 'Safeguarding Lead' });
  // Records every entry, so the alerts it raises reach the practitioner and the lead unacknowledged.
  const recorder = await makeUser(ctx, { organisationId: organisation.id, name: 'Agency Feed' });

  const cases: { id: string; motherId: string }[] = [];
  for (let index = 0; index < fixtureCases; index++) {
    const team = [index < CASELOAD ? practitioner.id : recorder.id, ...(index < LEAD_CASES ? [safeguardingLead.id] : []), ...(index < CASELOAD ? [recorder.id] : [])];
    const { id } = await makeCase(ctx, { familyName: `Family${String(index)}`, teamUserIds: team });
    const { id: motherId } = await makePerson(ctx, id);
    cases.push({ id, motherId });
  }

  const items: BatchItem[] = [];
  const add = (caseId: string, motherId: string, kind: string, daysAgo: number, summary: string) =>
    items.push({ index: items.length, caseId, entry: { kind, occurredAt: dayBefore(ctx, daysAgo), summary, source: 'agency-record', personIds: [motherId] } });
  for (const [index, { id, motherId }] of cases.entries()) {
    for (let n = 0; n < ENTRIES_PER_CASE; n++) {
      add(id, motherId, random.pick(ROUTINE_KINDS), random.int(1, 300), `Routine contact ${String(n + 1)}`);
    }
    if (index < LEAD_CASES) add(id, motherId, 'emergency-attendance', random.int(1, 30), 'Brought to the emergency department');
  }
  const long = cases[0]!;
  for (let n = 0; n < LONG_CHRONOLOGY; n++) {
    add(long.id, long.motherId, random.pick(ROUTINE_KINDS), 1 + Math.floor((n * 700) / LONG_CHRONOLOGY), `Contact ${String(n + 1)} of a long chronology`);
  }
  await storeAll(ctx, actorFor(recorder), items);

  const token = await createTokenForEmail(ctx, cliOperator, recorder.email);
  if (!token.ok) throw new Error(token.message);
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
    apiToken: token.value.token,
  };
}
