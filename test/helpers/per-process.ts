// A fixture built once per test process and shared by the test files that process runs
// (scripts/run-tests.mjs runs several files in one process, one after another). Each file acquires it
// in its before() and releases it in its after(); it is built by the first acquire and closed a moment
// after the last release, unless the process's next file acquires it first. A file run alone builds
// and closes its own, so no file needs another to have run: whatever a file changes in a shared
// fixture, the files that share it must not depend on.

/** How long a released fixture waits for the next file before it is closed. */
const CLOSE_AFTER_MS = 1000;

export interface PerProcess<T> {
  acquire(): Promise<T>;
  release(): void;
}

export function perProcess<T>(build: () => Promise<T>, close: (value: T) => Promise<void>): PerProcess<T> {
  let value: Promise<T> | undefined;
  let holders = 0;
  let closing: NodeJS.Timeout | undefined;
  return {
    acquire() {
      holders += 1;
      clearTimeout(closing);
      value ??= build();
      return value;
    },
    release() {
      holders -= 1;
      if (holders > 0 || value === undefined) return;
      const built = value;
      closing = setTimeout(() => {
        value = undefined;
        // A build that failed was the before()'s failure; a close that fails fails the process, as an after() would.
        built.then(close, () => undefined).catch((error: unknown) => {
          process.exitCode = 1;
          console.error('A shared test fixture failed to close:', error);
        });
      }, CLOSE_AFTER_MS);
    },
  };
}
