// An audit entry's details (stored as JSON) in plain words for the audit trail page, for example
// {"reason":"closed-for-transfer"} as "Reason: closed for transfer". Each key is said as words
// (caseId as "Case id"), a code as words (hyphens and underscores as spaces), yes or no for true or
// false, a list joined with commas and a nested object in brackets. The CSV export keeps the JSON. Pure.

const keyInWords = (key: string): string => {
  const words = key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/[-_.]+/g, ' ').trim().toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
};

const CODE = /^[a-z0-9]+(?:[-_][a-z0-9]+)+$/;

function valueInWords(value: unknown): string {
  if (value === null || value === undefined) return 'none';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'string') return CODE.test(value) && !/^\d{4}-\d{2}-\d{2}/.test(value) && !/^[0-9a-f]{8}-/.test(value) ? value.replace(/[-_]+/g, ' ') : value;
  if (Array.isArray(value)) return value.length === 0 ? 'none' : value.map(valueInWords).join(', ');
  if (typeof value === 'object') return `(${detailsInWords(value)})`;
  return typeof value === 'number' ? String(value) : '';
}

export function detailsInWords(details: unknown): string {
  if (details === null || details === undefined) return '';
  if (typeof details !== 'object' || Array.isArray(details)) return valueInWords(details);
  return Object.entries(details as Record<string, unknown>).map(([key, value]) => `${keyInWords(key)}: ${valueInWords(value)}`).join('; ');
}
