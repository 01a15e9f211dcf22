// Which cases a quality assurance audit takes (issue 16): every open case of a baby under one or not
// yet born, of the auditor's own organisation (after the deaths in the Derby review, both councils
// reviewed "all open cases of children aged under one", §8.2), or a random sample of N of them. The
// sample is drawn from a seed, which is kept with the audit, so the same seed over the same cases
// draws the same sample again. An audit of another organisation's cases is a refusal (audited as
// denied), not a slip in the form. Pure.
import { addMonths } from '../shared/calendar-date.ts';
import { createRandom } from '../shared/seeded-random.ts';

export const AUDIT_SCOPES = ['all', 'sample'] as const;
export type AuditScope = (typeof AUDIT_SCOPES)[number];

export const SAMPLE_SIZE_BOUNDS = { min: 1, max: 500 } as const;
/** Seeds are whole numbers from 1 to 2^31 - 1. */
export const SEED_BOUNDS = { min: 1, max: 2_147_483_647 } as const;

export interface AuditableCase {
  id: string;
  status: 'unborn' | 'born';
  dateOfBirth: string | null;
}

/** Unborn, or born less than a year before today (a baby on its first birthday is one, so out). */
export function inAuditScope(theCase: AuditableCase, today: string): boolean {
  if (theCase.status === 'unborn') return true;
  return theCase.dateOfBirth !== null && addMonths(theCase.dateOfBirth, 12) > today;
}

/**
 * `size` of the ids (all of them when there are no more), drawn with the seed: the ids are put in
 * order first, so the order they were read in does not matter. In the order drawn.
 */
export function sampleCaseIds(ids: readonly string[], size: number, seed: number): string[] {
  const pool = [...new Set(ids)].sort();
  const random = createRandom(seed);
  for (let i = pool.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random.next() * (i + 1));
    [pool[i], pool[j]] = [pool[j]!, pool[i]!];
  }
  return pool.slice(0, Math.max(0, size));
}

export const START_PROBLEM_MESSAGES = {
  'other-organisation': "You can only audit your own organisation's cases.",
  'scope-needed': 'Choose whether to audit every case or a random sample.',
  'size-needed': 'Enter how many cases to sample.',
  'size-not-a-number': 'The number of cases to sample must be a whole number, like 20.',
  'size-out-of-range': `The number of cases to sample must be from ${String(SAMPLE_SIZE_BOUNDS.min)} to ${String(SAMPLE_SIZE_BOUNDS.max)}.`,
  'seed-not-a-number': `The seed must be a whole number from ${String(SEED_BOUNDS.min)} to ${String(SEED_BOUNDS.max)}, as an earlier audit shows it.`,
  'no-cases': 'Your organisation has no case of a baby under one or unborn to audit.',
} as const;
export type StartProblemCode = keyof typeof START_PROBLEM_MESSAGES;

export interface StartProblem {
  /** JSON pointer into the request: /scope, /sampleSize, /seed, /organisationId. */
  path: string;
  code: StartProblemCode;
}

export function isStartRefusal(problems: readonly StartProblem[]): boolean {
  return problems.some((problem) => problem.code === 'other-organisation');
}

export interface StartDraft {
  organisationId?: string;
  scope?: string;
  sampleSize?: string | number;
  /** Left blank for a new sample; an earlier audit's seed to draw its sample again. */
  seed?: string | number;
}

export type CheckedStart =
  | { ok: true; scope: 'all' }
  | { ok: true; scope: 'sample'; sampleSize: number; seed: number | null }
  | { ok: false; problems: StartProblem[] };

const text = (value: unknown): string => (typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : '');
const WHOLE = /^\d{1,10}$/;

/** Checks an audit as asked for, by a safeguarding lead of `ownOrganisationId`. */
export function checkAuditStart(draft: StartDraft, ownOrganisationId: string): CheckedStart {
  const organisationId = text(draft.organisationId);
  if (organisationId !== '' && organisationId !== ownOrganisationId) return { ok: false, problems: [{ path: '/organisationId', code: 'other-organisation' }] };
  const scope = text(draft.scope);
  if (scope === 'all') return { ok: true, scope };
  if (scope !== 'sample') return { ok: false, problems: [{ path: '/scope', code: 'scope-needed' }] };
  const problems: StartProblem[] = [];
  const size = text(draft.sampleSize);
  const sampleSize = Number(size);
  if (size === '') problems.push({ path: '/sampleSize', code: 'size-needed' });
  else if (!WHOLE.test(size)) problems.push({ path: '/sampleSize', code: 'size-not-a-number' });
  else if (sampleSize < SAMPLE_SIZE_BOUNDS.min || sampleSize > SAMPLE_SIZE_BOUNDS.max) problems.push({ path: '/sampleSize', code: 'size-out-of-range' });
  const seedText = text(draft.seed);
  const seed = Number(seedText);
  if (seedText !== '' && (!WHOLE.test(seedText) || seed < SEED_BOUNDS.min || seed > SEED_BOUNDS.max)) problems.push({ path: '/seed', code: 'seed-not-a-number' });
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, scope, sampleSize, seed: seedText === '' ? null : seed };
}
