// Administrators must have two-step sign-in to use the admin pages: the demo administrator of the
// browser tests has it, with the secret tests/e2e/helpers.ts makes codes from.
import { prisma } from "~/utils/db.server";
import { E2E_TOTP_SECRET } from "./totp-secret";

await prisma.user.update({ where: { email: "admin@example.lv" }, data: { totpSecret: E2E_TOTP_SECRET, totpEnabledAt: new Date() } });
await prisma.$disconnect();
