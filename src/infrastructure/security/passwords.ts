// Password hashing with argon2id. A dummy verify keeps unknown-email sign-ins as slow as real ones.
import { hash, verify } from '@node-rs/argon2';

export function hashPassword(password: string): Promise<string> {
  // @node-rs/argon2 hashes with argon2id by default (its Algorithm enum is const, so not importable here).
  return hash(password);
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
