// npm run search:rebuild — refolds every idea's and experiment's search text and rebuilds the ranked
// text index (docs/decisions/0013-search-index.md) of the database at DATABASE_URL, SQLite or
// PostgreSQL. Safe to run while the app serves: each batch is one transaction.
import { rebuildSearchIndex } from "../app/modules/idea/search.server";
import { prisma } from "../app/utils/db.server";
import { describeDatabase } from "../app/utils/engine.server";
import { databaseUrl } from "../app/utils/sqlite.server";

try {
  const started = performance.now();
  const { ideas, experiments } = await rebuildSearchIndex();
  console.log(
    `Rebuilt the search index of ${describeDatabase(databaseUrl())}: ${ideas} ideas, ${experiments} experiments in ${((performance.now() - started) / 1000).toFixed(1)} s.`,
  );
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await prisma.$disconnect();
}
