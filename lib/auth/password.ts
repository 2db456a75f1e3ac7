import argon2 from "argon2";

// OWASP Password Storage Cheat Sheet: argon2id with at least 19 MiB of memory, 2 iterations,
// 1 degree of parallelism.
const ARGON2_OPTIONS = {
  type: argon2.argon2id,
  memoryCost: 19 * 1024,
  timeCost: 2,
  parallelism: 1,
} as const;

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, ARGON2_OPTIONS);
}

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false; // a malformed hash never signs anyone in
  }
}

// A valid hash of a random password, checked when the email is unknown so that the answer
// takes as long as for a known email (no user enumeration by timing).
let dummyHash: Promise<string> | undefined;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword(crypto.randomUUID());
  return dummyHash;
}
