// Does the time a sign-in takes tell whether an account exists, or is blocked? Times POST
// /api/v1/tokens, interleaved, for: a real account with a wrong password; an email no account has;
// and a real account blocked after failed attempts from this address (answered as blocked), each
// from its own address so no block leaks between them. Every path checks one password hash, so the
// medians should sit within noise of each other. Writes bench/results/<time>-sign-in-timing.md.
//   node --import tsx bench/sign-in-timing.ts [rounds]
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { makeUser } from '../test/helpers/factories.ts';
import { createTestApp } from '../test/helpers/test-app.ts';

const rounds = Number(process.argv[2] ?? 60);

async function main(): Promise<void> {
  const t = await createTestApp({ env: { SIGN_IN_RATE_LIMIT_PER_MINUTE: '10000', SIGN_IN_MAX_ATTEMPTS: '3' } });
  const user = await makeUser(t.ctx, { name: 'Timing Test' });
  const attempt = async (email: string, remoteAddress: string) => {
    const started = performance.now();
    const response = await t.app.inject({ method: 'POST', url: '/api/v1/tokens', remoteAddress, payload: { email, password: 'not the password at all' } });
    return { ms: performance.now() - started, code: response.json<{ error: { code: string } }>().error.code };
  };
  // Block the account from one address first.
  for (let i = 0; i < 3; i++) await attempt(user.email, '198.51.100.3');
  const cases = {
    'real account, wrong password': () => attempt(user.email, `198.51.100.1`),
    'no such account': () => attempt('nobody-at-all@test.example', '198.51.100.2'),
    'real account, blocked here': () => attempt(user.email, '198.51.100.3'),
  };
  const times: Record<string, number[]> = Object.fromEntries(Object.keys(cases).map((name) => [name, []]));
  const codes: Record<string, Set<string>> = Object.fromEntries(Object.keys(cases).map((name) => [name, new Set<string>()]));
  for (let round = 0; round < 5; round++) for (const run of Object.values(cases)) await run(); // warm up
  // Keep the first two below the block: start each round from a clean count for them.
  for (let round = 0; round < rounds; round++) {
    await t.ctx.db.deleteFrom('sign_in_throttle').where('address', 'in', ['198.51.100.1', '198.51.100.2']).execute();
    for (const [name, run] of Object.entries(cases)) {
      const { ms, code } = await run();
      times[name]!.push(ms);
      codes[name]!.add(code);
    }
  }
  await t.close();
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  const baseline = median(times['real account, wrong password']!);
  const lines = [
    `# Sign-in timing (${new Date().toISOString()})`,
    '',
    `\`node --import tsx bench/sign-in-timing.ts ${String(rounds)}\`: ${String(rounds)} interleaved rounds after 5 of warm-up, embedded database, argon2id as configured. Ratios are to the first row's median, in the same run.`,
    '',
    '| case | answer | median ms | p90 ms | ratio |',
    '|---|---|---:|---:|---:|',
    ...Object.entries(times).map(([name, values]) => {
      const sorted = [...values].sort((a, b) => a - b);
      return `| ${name} | ${[...codes[name]!].join(', ')} | ${median(values).toFixed(1)} | ${sorted[Math.floor(sorted.length * 0.9)]!.toFixed(1)} | ${(median(values) / baseline).toFixed(2)} |`;
    }),
    '',
  ];
  const file = path.join(import.meta.dirname, 'results', `${new Date().toISOString().replace(/:/g, '-').replace(/\.\d+Z$/, 'Z')}-sign-in-timing.md`);
  fs.writeFileSync(file, lines.join('\n'));
  console.log(lines.join('\n'));
}

await main();
