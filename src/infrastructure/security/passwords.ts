// Password hashing with argon2id. A dummy verify keeps unknown-email sign-ins as slow as real ones.
import { hash, verify } from '@node-rs/argon2';

// Algorithm.Argon2id: a const enum, which this project's module settings cannot import.
const ARGON2ID = 2;

export function hashPassword(password: string): Promise<string> {
  return hash(password, { algorithm: ARGON2ID });
}

export async function verifyPassword(passwordHash: string | null, password: string): Promise<boolean> {
  if (passwordHash === null) {
    await verify(await dummyHash(), password).catch(() => false);
    return false;
  }
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let dummy: Promise<string> | undefined;
function dummyHash(): Promise<string> {
  dummy ??= hashPassword('not a real password: equalises timing');
  return dummy;
}
