// Where to send someone after signing in: a path on this site, or the home page. Browsers drop tabs
// and line breaks and read "\\" as "/", so a value with any of them goes home. The check is made again
// on the address as the browser will read it, after the dots are resolved: `/..//evil.example`
// starts with one slash but resolves to `//evil.example`, another site.
const BASE = 'http://this.invalid';

function isSameSitePath(path: string): boolean {
  return path.startsWith('/') && !path.startsWith('//') && URL.parse(path, BASE)?.origin === BASE;
}

export function safeReturnTo(value: unknown): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what this refuses
  if (typeof value !== 'string' || /[\u0000-\u001f\u007f\\\s]/.test(value) || !isSameSitePath(value)) return '/';
  const url = new URL(value, BASE);
  const path = `${url.pathname}${url.search}`;
  if (!isSameSitePath(path) || url.pathname.startsWith('/sign-in')) return '/';
  return path;
}
