// Types of scripts/build.mjs, for the TypeScript that calls it (bench/servers.ts).
export interface Build {
  /** TypeScript files to start from, relative to the repository. */
  entries: string[];
  /** The output folder, relative to the repository. */
  outdir: string;
}
export const SERVER_BUILD: Build;
export function buildIfStale(build: Build): Promise<boolean>;
export function build(build: Build): Promise<void>;
