/// <reference lib="es2024.string" />
// (isWellFormed and toWellFormed: Node 20 has them; the ES2022 target does not name them.)
// Text the service can store. PostgreSQL refuses the NUL character in text and jsonb, and jsonb refuses
// a lone UTF-16 surrogate (half of a pair, which is no character at all): such text in a request is
// the sender's mistake, to be named with its path, never a failure on our side.
// Every API request's body is walked here (a batch of 1,000 events too), so while all is well the walk
// makes no path per value and no [key, value] pairs, only each object's list of keys: the path is made
// only for what it finds.

export const UNSTORABLE_TEXT_MESSAGE = 'contains a character that cannot be stored (a NUL character or half of a surrogate pair): remove it';

/**
 * No NUL, and no surrogate that is not one half of a pair: two scans by the engine itself, which
 * allocate nothing and were measured faster than a regular expression or a loop over the characters.
 */
export function isStorableText(text: string): boolean {
  return text.isWellFormed() && !text.includes('\u0000');
}

/** The text with each unstorable character replaced by U+FFFD, the sign for a character that could not be read. */
export function withUnstorableReplaced(text: string): string {
  return text.toWellFormed().replaceAll('\u0000', '\uFFFD');
}

const pointerPart = (key: string) => key.replace(/~/g, '~0').replace(/\//g, '~1');

/** The containers on the way down a walk, the keys of each object (none for an array) and the position reached in each. */
interface WalkStack {
  containers: (object | undefined)[];
  keyLists: (string[] | undefined)[];
  positions: number[];
}

/**
 * A stack kept from one walk to the next, so that a walk allocates nothing but each object's list of
 * keys; a walk started while another runs (from a getter: a parsed body has none) makes its own.
 */
let spareStack: WalkStack | undefined = { containers: [], keyLists: [], positions: [] };

/**
 * The first problem in a parsed JSON value or form body, in the order its text reads: a container
 * nested `depthLimit` levels below the value (the value itself is level 0), or, when `checksText`, a
 * string or object key that cannot be stored. Walks with a stack of its own, not by recursion, so no
 * depth of nesting can overflow the call stack.
 */
function firstProblem(value: unknown, depthLimit: number, checksText: boolean): string | undefined {
  if (typeof value === 'string') return checksText && !isStorableText(value) ? '/' : undefined;
  if (value === null || typeof value !== 'object') return undefined;
  if (depthLimit <= 0) return '/';
  const stack = spareStack ?? { containers: [], keyLists: [], positions: [] };
  spareStack = undefined;
  let deepest = 0;
  try {
    const { containers, keyLists, positions } = stack;
    containers[0] = value;
    keyLists[0] = keysOf(value);
    positions[0] = -1;
    let top = 0;
    while (top >= 0) {
      const container = containers[top]!;
      const keys = keyLists[top];
      const position = ++positions[top]!;
      let child: unknown;
      if (keys) {
        if (position >= keys.length) {
          top--;
          continue;
        }
        const key = keys[position]!;
        if (checksText && !isStorableText(key)) return pointerTo(top, stack);
        child = (container as Record<string, unknown>)[key];
      } else {
        if (position >= (container as unknown[]).length) {
          top--;
          continue;
        }
        child = (container as unknown[])[position];
      }
      if (typeof child === 'string') {
        if (checksText && !isStorableText(child)) return pointerTo(top, stack);
        continue;
      }
      if (child === null || typeof child !== 'object') continue;
      if (top + 1 >= depthLimit) return pointerTo(top, stack);
      top++;
      if (top > deepest) deepest = top;
      containers[top] = child;
      keyLists[top] = keysOf(child);
      positions[top] = -1;
    }
    return undefined;
  } finally {
    // Let go of the body: the stack outlives the walk.
    stack.containers.fill(undefined, 0, deepest + 1);
    stack.keyLists.fill(undefined, 0, deepest + 1);
    spareStack = stack;
  }
}

/** An object's keys, or undefined for an array (walked by position). */
const keysOf = (container: object) => (Array.isArray(container) ? undefined : Object.keys(container));

/** The JSON Pointer of the child reached at each level down to `top`. */
function pointerTo(top: number, { keyLists, positions }: WalkStack): string {
  let pointer = '';
  for (let level = 0; level <= top; level++) {
    const keys = keyLists[level];
    const position = positions[level]!;
    pointer += `/${keys ? pointerPart(keys[position]!) : String(position)}`;
  }
  return pointer;
}

/**
 * The JSON Pointer (RFC 6901) of the first string, or object key, that cannot be stored, in a parsed
 * JSON value or form body, in the order its text reads (a key before its value); undefined when all can be.
 * No depth of nesting can overflow the call stack.
 */
export function findUnstorableText(value: unknown): string | undefined {
  return firstProblem(value, Infinity, true);
}

/** The pointer to the first array or object nested deeper than `limit` arrays and objects, or undefined. Walks without recursion. */
export function findTooDeep(value: unknown, limit: number): string | undefined {
  return firstProblem(value, limit, false);
}
