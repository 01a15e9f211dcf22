// generate --infants N [--seed S], generate --size county|england [--seed S].
import { cliOperator } from '../application/actor.ts';
import { loadSyntheticPartnership, SYNTHETIC_PASSWORD } from '../application/synthetic/load-synthetic-partnership.ts';
import { loadConfig } from '../config.ts';
import { UsageError, withContext, type CliArguments } from './command.ts';

const SIZES: Record<string, number> = { county: 20_000, england: 1_000_000 };
const EMBEDDED_LIMIT = SIZES.county!;

function wholeNumber(values: Record<string, string | boolean | undefined>, name: string, fallback?: number): number {
  const raw = values[name];
  if (raw === undefined && fallback !== undefined) return fallback;
  const value = Number(raw);
  if (typeof raw !== 'string' || !Number.isSafeInteger(value) || value < 0) throw new UsageError(`--${name} must be a whole number, for example --${name} 1000`);
  return value;
}

export async function generateCommand({ values }: CliArguments): Promise<number> {
  const size = values.size;
  if (typeof size === 'string' && !(size in SIZES)) throw new UsageError(`--size must be county or england, not "${size}"`);
  const infants = typeof size === 'string' ? SIZES[size]! : wholeNumber(values, 'infants');
  if (infants < 1) throw new UsageError('--infants must be at least 1');
  const seed = wholeNumber(values, 'seed', 1);
  if (infants > EMBEDDED_LIMIT && !loadConfig().databaseUrl) {
    console.error(`${String(infants)} infants is more than the embedded database should hold (at most ${String(EMBEDDED_LIMIT)}): set DATABASE_URL to use PostgreSQL.`);
    return 2;
  }
  return withContext(async (ctx) => {
    let reported = 0;
    const result = await loadSyntheticPartnership(ctx, cliOperator, {
      infants,
      seed,
      onProgress: (written, counts) => {
        if (written - reported < 1_000 && written < infants) return;
        reported = written;
        console.log(`${String(written)} of ${String(infants)} infants, ${String(counts.entries)} chronology entries`);
      },
    });
    if (!result.ok) {
      console.error(result.message);
      return 1;
    }
    const { counts, seconds, evaluatingSeconds } = result;
    console.log(`Every synthetic account's password is "${SYNTHETIC_PASSWORD}".`);
    console.log(
      `Generated ${String(counts.organisations)} organisations, ${String(counts.users)} users, ${String(counts.infants)} infants, ${String(counts.people)} people, ` +
        `${String(counts.assessments)} assessments, ${String(counts.evidence)} evidence, ${String(counts.entries)} chronology entries in ${seconds.toFixed(1)} s ` +
        `(${String(Math.round(counts.entries / seconds))} entries per second; ${evaluatingSeconds.toFixed(1)} s of it evaluating every case's profile)`,
    );
    return 0;
  });
}
