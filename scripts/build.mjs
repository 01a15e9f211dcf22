// Compiles the server from TypeScript to JavaScript, so that `npm start` and `npm run serve` run
// plain JavaScript instead of transforming every file through tsx as it loads (docs/adr/0023).
//
// Each TypeScript file reachable from the entry points is compiled on its own by esbuild, without
// tsx's keep-names, to the same path under the output folder (src/server.ts to dist/src/server.js),
// its relative imports of `.ts` files rewritten to `.js`, with a source map beside it (run with
// --enable-source-maps, so stack traces name the TypeScript lines). The files the code finds at run
// time beside itself (templates, assets, migrations, data) are copied from src/ the same way, so
// every path taken from import.meta.url works from both trees. Packages stay imports of node_modules.
//
//   node scripts/build.mjs            builds dist/ when it is missing or older than src/
//   node scripts/build.mjs --force    builds it whatever its age
//
// buildIfStale() is also what bench/servers.ts calls for the bench's own server processes.
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';

const REPOSITORY = path.dirname(path.dirname(fileURLToPath(import.meta.url)));

/** What `npm start` and `npm run serve` build. */
export const SERVER_BUILD = { entries: ['src/server.ts'], outdir: 'dist' };

/** Files under src/ that the code reads at run time from beside itself. */
const RUNTIME_FILES = /\.(njk|sql|css|mjs|svg|json)$/;
/** Written last by a build, with what it built from: a build is current when it is newer than everything it was built from. */
const STAMP = '.built.json';

/** Builds `outdir` (relative to the repository) from `entries` when it is missing, was built from other entries, or is older than any file or folder under the entries' top folders. */
export async function buildIfStale({ entries, outdir }) {
  if (isCurrent(entries, outdir)) return false;
  await build({ entries, outdir });
  return true;
}

export async function build({ entries, outdir }) {
  const target = path.resolve(REPOSITORY, outdir);
  const staging = `${target}.building-${String(process.pid)}`;
  fs.rmSync(staging, { recursive: true, force: true });
  try {
    const compiled = await compileReachable(entries, staging);
    copyRuntimeFiles(path.join(REPOSITORY, 'src'), path.join(staging, 'src'));
    fs.writeFileSync(path.join(staging, STAMP), `${JSON.stringify({ entries, compiled })}\n`);
    // Swapped in whole, so that a server never starts on half a build.
    const old = `${target}.old-${String(process.pid)}`;
    if (fs.existsSync(target)) fs.renameSync(target, old);
    fs.renameSync(staging, target);
    fs.rmSync(old, { recursive: true, force: true });
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
}

/** Compiles the entries and every TypeScript file they import, wave by wave: each wave compiles the files the last one found imported. */
async function compileReachable(entries, outdir) {
  const compiled = new Set();
  let wave = entries.map((entry) => path.resolve(REPOSITORY, entry));
  while (wave.length > 0) {
    const imported = new Set();
    await esbuild.build({
      absWorkingDir: REPOSITORY,
      entryPoints: wave,
      outdir,
      outbase: REPOSITORY,
      // Bundling only so that the plugin sees every import; each one is left external, so every
      // output file holds its own source file alone.
      bundle: true,
      packages: 'external',
      plugins: [relativeImportsAsJavaScript(imported, outdir)],
      platform: 'node',
      format: 'esm',
      target: 'node20.19',
      sourcemap: 'linked',
      logLevel: 'warning',
    });
    for (const file of wave) compiled.add(file);
    wave = [...imported].filter((file) => !compiled.has(file));
  }
  return [...compiled].map((file) => path.relative(REPOSITORY, file)).sort();
}

/**
 * Every relative import stays an import: of `.js` where it named a `.ts` file (noted for the next
 * wave); of the same path where it names a file under src/ (copied beside the output); of the source
 * file itself otherwise (a script such as scripts/build.mjs, which is not copied).
 */
function relativeImportsAsJavaScript(imported, outdir) {
  return {
    name: 'relative-imports-as-javascript',
    setup(builder) {
      builder.onResolve({ filter: /^\.\.?\// }, (args) => {
        const target = path.resolve(args.resolveDir, args.path);
        if (target.endsWith('.ts')) {
          imported.add(target);
          return { path: `${args.path.slice(0, -'.ts'.length)}.js`, external: true };
        }
        if (!path.relative(path.join(REPOSITORY, 'src'), target).startsWith('..')) return { path: args.path, external: true };
        const from = path.join(outdir, path.relative(REPOSITORY, args.resolveDir));
        return { path: path.relative(from, target), external: true };
      });
    },
  };
}

function copyRuntimeFiles(from, to) {
  for (const entry of fs.readdirSync(from, { withFileTypes: true })) {
    const source = path.join(from, entry.name);
    if (entry.isDirectory()) copyRuntimeFiles(source, path.join(to, entry.name));
    else if (RUNTIME_FILES.test(entry.name)) {
      fs.mkdirSync(to, { recursive: true });
      fs.copyFileSync(source, path.join(to, entry.name));
    }
  }
}

function isCurrent(entries, outdir) {
  try {
    const stamp = path.join(REPOSITORY, outdir, STAMP);
    const built = JSON.parse(fs.readFileSync(stamp, 'utf8'));
    if (JSON.stringify(built.entries) !== JSON.stringify(entries)) return false;
    // A file added or removed changes a file that imports it, or src/'s runtime files.
    const sources = ['src', 'package-lock.json', ...built.compiled];
    const builtAt = fs.statSync(stamp).mtimeMs;
    return sources.every((source) => newestChange(path.join(REPOSITORY, source)) < builtAt);
  } catch {
    return false;
  }
}

/** The latest modification time of a file, or of a folder and everything in it (a folder's own time moves when a file in it is added, removed or renamed). */
function newestChange(file) {
  const stat = fs.statSync(file);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const name of fs.readdirSync(file)) newest = Math.max(newest, newestChange(path.join(file, name)));
  return newest;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(fs.realpathSync(process.argv[1])).href) {
  const started = performance.now();
  const built = process.argv.includes('--force') ? (await build(SERVER_BUILD), true) : await buildIfStale(SERVER_BUILD);
  if (built) console.log(`Built ${SERVER_BUILD.outdir}/ in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
  // Lets this process exit at once, and have the compiler's CPU counted in its own.
  await esbuild.stop();
}
