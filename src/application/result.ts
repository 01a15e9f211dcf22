// Use cases return results for expected outcomes; each failure carries a stable code.
export type Result<T, Code extends string> = { ok: true; value: T } | { ok: false; code: Code; message: string };

export function ok<T>(value: T): { ok: true; value: T } {
  return { ok: true, value };
}

export function fail<Code extends string>(code: Code, message: string): { ok: false; code: Code; message: string } {
  return { ok: false, code, message };
}
