// npm run user:create -- --email a@b.lv --name "Vārds Uzvārds" --role ADMIN --institution VK
// Creates a real user (no demo data). The password is read from the terminal (or from
// IDEALAB_PASSWORD for automation), never from the command line.
import { parseArgs } from "node:util";
import { createInterface } from "node:readline/promises";
import i18next from "i18next";
import { z } from "zod";
import { resources } from "../app/locales";
import { PASSWORD_MIN } from "../app/modules/user/account.schema";
import { passwordProblem } from "../app/modules/user/password-policy.server";
import { i18nConfig, translateError } from "../app/utils/i18n";
import { ROLES } from "../app/utils/permissions";
import { migrate } from "../app/utils/migrations.server";

const { values } = parseArgs({
  options: {
    email: { type: "string" },
    name: { type: "string" },
    role: { type: "string", default: "SUBMITTER" },
    institution: { type: "string", default: "VK" },
  },
});

const Input = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email()),
  name: z.string().trim().min(1).max(200),
  role: z.enum(ROLES),
  institution: z.string().trim().min(1),
  password: z.string().min(PASSWORD_MIN, `The password must have at least ${PASSWORD_MIN} characters.`),
});

async function readPassword() {
  if (process.env.IDEALAB_PASSWORD) return process.env.IDEALAB_PASSWORD;
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  const password = await rl.question(`Password (at least ${PASSWORD_MIN} characters, not common or easy to guess): `);
  rl.close();
  return password;
}

const parsed = Input.safeParse({ ...values, password: await readPassword() });
if (!parsed.success) {
  for (const issue of parsed.error.issues) console.error(`${issue.path.join(".")}: ${issue.message}`);
  console.error('Usage: npm run user:create -- --email a@b.lv --name "Name" --role ADMIN --institution VK');
  process.exit(2);
}
const input = parsed.data;

// The password rule of the app (password-policy.server.ts): not common, not easy to guess, not the person's name or e-mail.
const problem = await passwordProblem(input.password, input);
if (problem) {
  const i18n = i18next.createInstance({ ...i18nConfig, lng: "en", resources });
  await i18n.init();
  console.error(`password: ${translateError(i18n.t, problem)}`);
  process.exit(2);
}

await migrate();

const { prisma } = await import("../app/utils/db.server");
const { seedReference } = await import("../prisma/seed");
const { hashPassword } = await import("../app/utils/password.server");
await seedReference(prisma);
const institution = await prisma.institution.findUnique({ where: { code: input.institution } });
if (!institution) {
  const codes = (await prisma.institution.findMany({ select: { code: true } })).map((i) => i.code);
  console.error(`Unknown institution "${input.institution}". Known codes: ${codes.join(", ")}`);
  process.exit(2);
}
if (await prisma.user.findUnique({ where: { email: input.email } })) {
  console.error(`A user with the e-mail ${input.email} already exists.`);
  process.exit(2);
}
const user = await prisma.user.create({
  data: {
    email: input.email,
    name: input.name,
    role: input.role,
    institutionId: institution.id,
    passwordHash: await hashPassword(input.password),
  },
});
console.log(`Created ${user.role} ${user.email} (id ${user.id}) in ${institution.nameLv}.`);
await prisma.$disconnect();
