// Text the service can store. PostgreSQL refuses the NUL character in text and jsonb, and jsonb refuses
// a lone UTF-16 surrogate (half of a pair, which is no character at all): such text in a request is
// the sender's mistake, to be named with its path, never a failure on our side.

/** NUL, or a surrogate that is not one half of a pair. */
// eslint-disable-next-line no-control-regex -- the NUL character is exactly what this finds
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
// eslint-disable-next-line no-control-regex -- as above
const UNSTORABLE_ALL = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export const UNSTORABLE_TEXT_MESSAGE = 'contains a character that cannot be stored (a NUL character or half of a surrogate pair): remove it';

export function isStorableText(text: string): boolean {
  return !UNSTORABLE.test(text);
}

/** The text with each unstorable character replaced by U+FFFD, the sign for a character that could not be read. */
export function withUnstorableReplaced(text: string): string {
  return text.replace(UNSTORABLE_ALL, '\uFFFD');
}

/**
 * The JSON Pointer (RFC 6901) of the first string, or object key, that cannot be stored, in a parsed
 * JSON value or form body; undefined when all can be. Depth is limited by the caller's parser.
 */
export function findUnstorableText(value: unknown, path = ''): string | undefined {
  if (typeof value === 'string') return isStorableText(value) ? undefined : path || '/';
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findUnstorableText(value[i], `${path}/${String(i)}`);
      if (found !== undefined) return found;
    }
    return undefined;
  }
  if (value !== null && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      const at = `${path}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;
      if (!isStorableText(key)) return at;
      const found = findUnstorableText(inner, at);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}
