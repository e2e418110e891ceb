import { randomBytes } from "node:crypto";
import { hash, verify } from "@node-rs/argon2";

// argon2id (the library's default algorithm) with OWASP's recommended memory cost.
const ARGON2_OPTIONS = { memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string) {
  return hash(password, ARGON2_OPTIONS);
}

// Checked against when there is no hash (an unknown e-mail, an account without a password), so
// every "no" takes as long as a wrong password does.
let dummyHash: Promise<string> | undefined;

/** Whether the password matches the hash; always false (in the same time) without a hash. */
export async function verifyPassword(passwordHash: string | null, password: string) {
  try {
    if (passwordHash === null) {
      await verify(await (dummyHash ??= hash(randomBytes(16).toString("hex"), ARGON2_OPTIONS)), password);
      return false;
    }
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}
