// Calls for one key, one group at a time (ADR 0021): while a call for a key runs, the calls for the
// same key that arrive wait in the process, and when it ends they run together as one call (a group
// of up to `limit`; more form the group after it), each answered with its own result. A call that
// finds nothing running for its key runs at once, alone. A group runs in the async context of its
// first call (its request's id, its trace), never in that of the call before it; if the group's run
// throws, every call of the group throws that error. Only within one process: two processes' calls
// for a key still meet at the database's lock.

interface Waiting<In, Out> {
  input: In;
  resolve: (out: Out) => void;
  reject: (error: unknown) => void;
}

interface Group<In, Out> {
  waiting: Waiting<In, Out>[];
  /** Lets the group's first call run it. */
  go: () => void;
}

/** A key with a call running: the groups waiting for it, in order. */
interface Line<In, Out> {
  groups: Group<In, Out>[];
}

/** Runs a group's inputs, in the order they came, answering each: as many answers as inputs, in the same order. */
export type RunTogether<In, Out> = (inputs: In[]) => Promise<Out[]>;

export class TogetherWhileBusy<In, Out> {
  readonly #lines = new Map<string, Line<In, Out>>();

  constructor(readonly limit: number) {}

  /** This call's answer, from `run` given this input alone or with others for the same key. */
  async call(key: string, input: In, run: RunTogether<In, Out>): Promise<Out> {
    const line = this.#lines.get(key);
    if (!line) {
      const alone: Group<In, Out> = { waiting: [], go: () => undefined };
      const line: Line<In, Out> = { groups: [] };
      this.#lines.set(key, line);
      const answer = join(alone, input);
      void this.#run(key, line, alone, run);
      return answer;
    }
    const last = line.groups.at(-1);
    if (last && last.waiting.length < this.limit) return join(last, input);
    const group: Group<In, Out> = { waiting: [], go: () => undefined };
    const turn = new Promise<void>((resolve) => (group.go = resolve));
    line.groups.push(group);
    const answer = join(group, input);
    // Resumed in this call's own context once the group before has ended.
    await turn;
    void this.#run(key, line, group, run);
    return answer;
  }

  /** Calls waiting now, for a key (for tests). */
  waitingFor(key: string): number {
    return this.#lines.get(key)?.groups.reduce((sum, group) => sum + group.waiting.length, 0) ?? 0;
  }

  async #run(key: string, line: Line<In, Out>, group: Group<In, Out>, run: RunTogether<In, Out>): Promise<void> {
    try {
      const answers = await run(group.waiting.map((waiting) => waiting.input));
      if (answers.length !== group.waiting.length) throw new Error(`${String(answers.length)} answers for ${String(group.waiting.length)} calls`);
      group.waiting.forEach((waiting, i) => waiting.resolve(answers[i]!));
    } catch (error) {
      for (const waiting of group.waiting) waiting.reject(error);
    } finally {
      const next = line.groups.shift();
      if (next) next.go();
      else this.#lines.delete(key);
    }
  }
}

function join<In, Out>(group: Group<In, Out>, input: In): Promise<Out> {
  return new Promise<Out>((resolve, reject) => group.waiting.push({ input, resolve, reject }));
}
