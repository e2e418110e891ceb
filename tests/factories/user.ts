import { randomBytes } from "node:crypto";
import type { Role } from "~/generated/prisma/enums";
import { hashPassword } from "~/utils/auth.server";
import { prisma } from "~/utils/db.server";

export const TEST_PASSWORD = "correct-horse-battery";
let cachedHash: Promise<string> | undefined;

export async function createUser(overrides: { role?: Role; email?: string; name?: string; active?: boolean; institutionCode?: string } = {}) {
  const institution = await prisma.institution.findUniqueOrThrow({ where: { code: overrides.institutionCode ?? "VK" } });
  return prisma.user.create({
    data: {
      email: overrides.email ?? `user-${randomBytes(4).toString("hex")}@example.lv`,
      name: overrides.name ?? "Testa Lietotājs",
      role: overrides.role ?? "SUBMITTER",
      active: overrides.active ?? true,
      institutionId: institution.id,
      passwordHash: await (cachedHash ??= hashPassword(TEST_PASSWORD)),
    },
  });
}
