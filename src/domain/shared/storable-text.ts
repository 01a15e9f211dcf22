// Text the service can store. PostgreSQL refuses the NUL character in text and jsonb, and jsonb refuses
// a lone UTF-16 surrogate (half of a pair, which is no character at all): such text in a request is
// the sender's mistake, to be named with its path, never a failure on our side.

/** NUL, or a surrogate that is not one half of a pair. */
// eslint-disable-next-line no-control-regex -- the NUL character is exactly what this finds
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const UNSTORABLE_ALL = new RegExp(UNSTORABLE.source, 'g');

export const UNSTORABLE_TEXT_MESSAGE = 'contains a character that cannot be stored (a NUL character or half of a surrogate pair): remove it';

export function isStorableText(text: string): boolean {
  return !UNSTORABLE.test(text);
}

/** The text with each unstorable character replaced by U+FFFD, the sign for a character that could not be read. */
export function withUnstorableReplaced(text: string): string {
  return text.replace(UNSTORABLE_ALL, '\uFFFD');
}

const pointerPart = (key: string) => key.replace(/~/g, '~0').replace(/\//g, '~1');

/** A parsed JSON value's children, with the pointer part of each. */
function childrenOf(value: unknown): [string, unknown][] {
  if (Array.isArray(value)) return value.map((inner, i) => [String(i), inner]);
  if (value !== null && typeof value === 'object') return Object.entries(value);
  return [];
}

/**
 * The JSON Pointer (RFC 6901) of the first string, or object key, that cannot be stored, in a parsed
 * JSON value or form body; undefined when all can be. Walks with its own stack, not by recursion, so
 * no depth of nesting can overflow the call stack.
 */
export function findUnstorableText(value: unknown): string | undefined {
  const stack: [unknown, string][] = [[value, '']];
  while (stack.length > 0) {
    const [current, path] = stack.pop()!;
    if (typeof current === 'string') {
      if (!isStorableText(current)) return path || '/';
      continue;
    }
    const children = childrenOf(current);
    for (let i = children.length - 1; i >= 0; i--) {
      const [key, inner] = children[i]!;
      const at = `${path}/${pointerPart(key)}`;
      if (!Array.isArray(current) && !isStorableText(key)) return at;
      stack.push([inner, at]);
    }
  }
  return undefined;
}

/** The pointer to the first value nested deeper than `limit` arrays and objects, or undefined. Walks without recursion. */
export function findTooDeep(value: unknown, limit: number): string | undefined {
  const stack: [unknown, string, number][] = [[value, '', 0]];
  while (stack.length > 0) {
    const [current, path, depth] = stack.pop()!;
    if (current === null || typeof current !== 'object') continue;
    if (depth >= limit) return path || '/';
    for (const [key, inner] of childrenOf(current)) stack.push([inner, `${path}/${pointerPart(key)}`, depth + 1]);
  }
  return undefined;
}
