// Reading FHIR JSON that has only been checked loosely: every field may be missing or of the wrong
// type, so each reader answers undefined (or an empty list) rather than trusting the shape.
export type JsonObject = Readonly<Record<string, unknown>>;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function objectAt(value: unknown, key: string): JsonObject | undefined {
  if (!isObject(value)) return undefined;
  const found = value[key];
  return isObject(found) ? found : undefined;
}

/** A string with something in it, trimmed. */
export function stringAt(value: unknown, key: string): string | undefined {
  if (!isObject(value)) return undefined;
  const found = value[key];
  return typeof found === 'string' && found.trim() !== '' ? found.trim() : undefined;
}

export function listAt(value: unknown, key: string): readonly unknown[] {
  if (!isObject(value)) return [];
  const found = value[key];
  return Array.isArray(found) ? found : [];
}

/** What a CodeableConcept says in words: its text, else the first display, else the first code. */
export function codeableText(concept: unknown): string | undefined {
  const codings = listAt(concept, 'coding');
  return stringAt(concept, 'text') ?? codings.map((c) => stringAt(c, 'display')).find(Boolean) ?? codings.map((c) => stringAt(c, 'code')).find(Boolean);
}

/** Everything a CodeableConcept says in words (text and every display), for matching. */
export function allCodeableWords(concept: unknown): string[] {
  return [stringAt(concept, 'text'), ...listAt(concept, 'coding').map((c) => stringAt(c, 'display'))].filter((word): word is string => word !== undefined);
}

export function joinedTexts(concepts: readonly unknown[]): string | undefined {
  const texts = concepts.map(codeableText).filter((text): text is string => text !== undefined);
  return texts.length > 0 ? texts.join(', ') : undefined;
}
