// Used by `npm start`: creates and migrates the database, upserts reference data, seeds demo data
// into a new database outside production, and prints the demo logins.
import { applyMigrations, openSqlite } from "../app/utils/migrations.server";
import { sqliteFilePath } from "../app/utils/sqlite.server";
import { DEMO_LOGINS, DEMO_PASSWORD } from "../app/utils/demo";

const file = sqliteFilePath();
const sqlite = openSqlite(file);
try {
  const applied = applyMigrations(sqlite);
  if (applied.length) console.log(`Database ${file}: applied ${applied.join(", ")}`);
} finally {
  sqlite.close();
}

const { prisma } = await import("../app/utils/db.server");
const { backfillSearchText, seedDemo, seedReference } = await import("../prisma/seed");
await seedReference(prisma);
await backfillSearchText(prisma);
const isProduction = process.env.NODE_ENV === "production";
const { rebuildFlowFigures } = await import("../app/modules/dashboard/dashboard.sqlite.server");
if (!isProduction && (await prisma.user.count()) === 0) {
  await seedDemo(prisma);
  await rebuildFlowFigures();
  console.log(`Seeded demo data: ${await prisma.user.count()} users, ${await prisma.idea.count()} ideas.`);
}
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
const demoUsers = await prisma.user.count({ where: { email: { in: DEMO_LOGINS.map((l) => l.email) } } });
if (!isProduction && demoUsers > 0) {
  console.log(`\nDemo logins (password for all: ${DEMO_PASSWORD}):`);
  for (const login of DEMO_LOGINS) console.log(`  ${login.role.padEnd(12)} ${login.email}`);
  console.log("");
}
await prisma.$disconnect();
