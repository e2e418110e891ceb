// The one way tests make people: a user of a role (and institution), optionally signed in.
import { randomBytes } from "node:crypto";
import type { Role } from "~/generated/prisma/enums";
import { createUserSession } from "~/utils/auth.server";
import { prisma } from "~/utils/db.server";
import { hashPassword } from "~/utils/password.server";

export const TEST_PASSWORD = "correct-horse-battery";
let cachedHash: Promise<string> | undefined;

/** The authenticator secret of test users with two-factor on (administrators, unless told otherwise). */
export const TEST_TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

type UserOverrides = {
  role?: Role;
  email?: string;
  name?: string;
  active?: boolean;
  institutionCode?: string;
  locale?: "lv" | "en";
  /** Two-factor sign-in on; administrators have it unless this says false (they must, to use the admin pages). */
  twoFactor?: boolean;
};

export async function createUser(overrides: UserOverrides = {}) {
  const institution = await prisma.institution.findUniqueOrThrow({ where: { code: overrides.institutionCode ?? "VK" } });
  const twoFactor = overrides.twoFactor ?? overrides.role === "ADMIN";
  const user = await prisma.user.create({
    data: {
      email: overrides.email ?? `user-${randomBytes(4).toString("hex")}@example.lv`,
      name: overrides.name ?? "Testa Lietotājs",
      role: overrides.role ?? "SUBMITTER",
      active: overrides.active ?? true,
      locale: overrides.locale ?? null,
      institutionId: institution.id,
      passwordHash: await (cachedHash ??= hashPassword(TEST_PASSWORD)),
      ...(twoFactor ? { totpSecret: TEST_TOTP_SECRET, totpEnabledAt: new Date() } : {}),
    },
  });
  return { ...user, twoFactor };
}

/** The Cookie header of a new session for the user, as the browser would send it. */
export async function sessionCookieFor(userId: number) {
  return (await createUserSession(new Request("http://localhost/"), userId)).split(";")[0];
}

/** A user with a session: what routes see (SessionUser) plus the cookie to send. */
export async function signedIn(overrides: UserOverrides | Role = {}) {
  const user = await createUser(typeof overrides === "string" ? { role: overrides } : overrides);
  return { ...user, cookie: await sessionCookieFor(user.id) };
}
export type SignedIn = Awaited<ReturnType<typeof signedIn>>;
