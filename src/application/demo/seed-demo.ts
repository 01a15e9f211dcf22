// Seeds the whole demo into an empty database: the story families from the case reviews, with what
// has happened to each so far (demo-stories.ts) and what a manager oversees (seed-demo-oversight.ts: past
// supervisions and a finished quality assurance audit), then a
// background of DEMO_SYNTHETIC_INFANTS generated families, so caseloads, lists and chronologies
// have a realistic volume. The story families are seeded first and stay exactly as written.
import { firstHealthVisitorEmail } from '../../synthetic/synthetic-staff.ts';
import { systemOperator } from '../actor.ts';
import type { AppContext } from '../context.ts';
import { refreshStaleSummaries } from '../dashboards/case-summaries.ts';
import { loadSyntheticPartnership } from '../synthetic/load-synthetic-partnership.ts';
import { seedDemoPartnership } from './seed-demo-partnership.ts';
import { seedDemoOversight } from './seed-demo-oversight.ts';
import { seedDemoStories } from './seed-demo-stories.ts';

/** Fixed, so every demo has the same synthetic families and the same accounts. */
export const DEMO_SYNTHETIC_SEED = 1;

export interface DemoSeeded {
  syntheticInfants: number;
  /** A synthetic health visitor who leads born babies' records; null when none were generated. */
  syntheticSignInEmail: string | null;
}

/**
 * Returns null, changing nothing, when the database already has organisations. `stories: false`
 * leaves the story families without a history: for tests that write their own.
 */
export async function seedDemo(ctx: AppContext, options: { stories?: boolean } = {}): Promise<DemoSeeded | null> {
  if (!(await seedDemoPartnership(ctx))) return null;
  if (options.stories !== false) {
    await seedDemoStories(ctx);
    await seedDemoOversight(ctx);
  }
  const infants = ctx.config.demoSyntheticInfants;
  // Cannot be refused: the database held no organisations a moment ago, so none with this seed.
  const loaded = infants === 0 ? null : await loadSyntheticPartnership(ctx, systemOperator, { infants, seed: DEMO_SYNTHETIC_SEED });
  // Every case's dashboard summary (ADR 0017), those of cases no change has touched yet included.
  await refreshStaleSummaries(ctx);
  if (loaded === null) return { syntheticInfants: 0, syntheticSignInEmail: null };
  const syntheticInfants = loaded.ok ? loaded.counts.infants : 0;
  return { syntheticInfants, syntheticSignInEmail: syntheticInfants > 0 ? firstHealthVisitorEmail({ infants, seed: DEMO_SYNTHETIC_SEED }) : null };
}
