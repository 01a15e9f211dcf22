// A tree of the code (a checkout or `git archive` of a commit, with node_modules beside it) loaded from
// its own root, for the benches that compare trees: bench/page-cpu.ts (a process per tree and round),
// bench/page-cpu-interleaved.ts and bench/page-latency-interleaved.ts (the trees in one process, each
// with its own modules, context and database pool).
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { FastifyInstance } from 'fastify';
import type * as AppModule from '../src/app.ts';
import type * as ContextModule from '../src/application/context.ts';
import type * as ConnectModule from '../src/infrastructure/db/connect.ts';
import type * as MigrateModule from '../src/infrastructure/db/migrate.ts';
import type * as TestAppModule from '../test/helpers/test-app.ts';
import type * as TestClockModule from '../test/helpers/test-clock.ts';
import type * as WebClientModule from '../test/helpers/web-client.ts';
import type * as DatasetModule from './dataset.ts';
import type * as FixedPageModule from './fixed-page.ts';

/** One tree's modules, imported from its own root (the types are this tree's). */
export async function treeModules(root: string) {
  const load = (file: string): Promise<unknown> => import(pathToFileURL(path.join(root, file)).href);
  return {
    ...((await load('src/app.ts')) as typeof AppModule),
    ...((await load('src/application/context.ts')) as typeof ContextModule),
    ...((await load('src/infrastructure/db/connect.ts')) as typeof ConnectModule),
    ...((await load('src/infrastructure/db/migrate.ts')) as typeof MigrateModule),
    ...((await load('test/helpers/test-app.ts')) as typeof TestAppModule),
    ...((await load('test/helpers/test-clock.ts')) as typeof TestClockModule),
    ...((await load('test/helpers/web-client.ts')) as typeof WebClientModule),
    ...((await load('bench/dataset.ts')) as typeof DatasetModule),
    ...((await load('bench/fixed-page.ts')) as typeof FixedPageModule),
  };
}

/** Where the bench dataset loaded into a database (its users and cases) is kept, so that a later run on it skips the load. */
export const datasetFile = (databaseUrl: string): string => path.join(os.tmpdir(), `page-cpu-${new URL(databaseUrl).pathname.slice(1)}.json`);

/** A tree's app served in this process: the page asked of it, as the user signed in by the cookie. */
export interface ServedTree<Tree> {
  tree: Tree;
  app: FastifyInstance;
  url: string;
  cookie: string;
  close: () => Promise<void>;
}
