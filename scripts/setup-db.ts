// Used by `npm start`: creates and migrates the database, upserts reference data, seeds demo data
// into a new database outside production, and prints the demo logins.
// DATABASE_URL picks the engine: file:… (SQLite, the default ./data/dev.db) or postgresql://….
import { migrate } from "../app/utils/migrations.server";
import { describeDatabase } from "../app/utils/engine.server";
import { DEMO_LOGINS, DEMO_PASSWORD } from "../app/utils/demo";

const applied = await migrate();
if (applied.length) console.log(`Database ${describeDatabase()}: applied ${applied.join(", ")}`);

const { prisma } = await import("../app/utils/db.server");
const { backfillSearchText, seedDemo, seedDemoDomains, seedReference } = await import("../prisma/seed");
await seedReference(prisma);
await backfillSearchText(prisma);
const isProduction = process.env.NODE_ENV === "production";
const { rebuildFlowFigures } = await import("../app/modules/dashboard/dashboard.server");
if (!isProduction && (await prisma.user.count()) === 0) {
  await seedDemo(prisma);
  await rebuildFlowFigures();
  console.log(`Seeded demo data: ${await prisma.user.count()} users, ${await prisma.idea.count()} ideas.`);
}
// A demo database from before single sign-on gets the demo institutions' e-mail domains.
const demoUsers = await prisma.user.count({ where: { email: { in: DEMO_LOGINS.map((l) => l.email) } } });
if (!isProduction && demoUsers > 0) await seedDemoDomains(prisma);
// Databases from before the flow figures existed get them from their events, once.
if ((await prisma.stay.count()) === 0 && (await prisma.event.count()) > 0) await rebuildFlowFigures();
// The board's stage counts are kept by a reactor; rows written outside the commands (an import, a
// hand edit) would leave them out of step. Check on every start, and count afresh if they are.
const { checkStageCounts, rebuildStageCounts } = await import("../app/modules/board/stage-counts.server");
const offCounts = await checkStageCounts();
if (offCounts.length) {
  console.log(`Board stage counts were out of step for ${offCounts.length} stage(s); counted afresh from the ideas.`);
  await rebuildStageCounts();
}
if (!isProduction && demoUsers > 0) {
  console.log(`\nDemo logins (password for all: ${DEMO_PASSWORD}):`);
  for (const login of DEMO_LOGINS) console.log(`  ${login.role.padEnd(12)} ${login.email}`);
  if (process.env.IDEALAB_DEMO_OIDC === "1")
    console.log("\nSingle sign-on (demo provider): any e-mail at a demo institution's domain, e.g. janis.liepins@vmd.example.lv, any password.");
  console.log("");
}
await prisma.$disconnect();
