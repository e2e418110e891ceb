import path from "node:path";
import { type TestProjectInlineConfiguration, defineConfig } from "vitest/config";
import { TEST_POSTGRES_URL, newRunId, postgresReachable } from "./tests/setup/postgres";

/**
 * The unit and integration tests run on SQLite; the integration tests run again on PostgreSQL
 * when it answers at TEST_POSTGRES_URL (default: the local server on 127.0.0.1:5432). CI sets
 * REQUIRE_POSTGRES=1, so a PostgreSQL that does not answer there is a failure, not a skip.
 * TEST_ENGINE=sqlite or TEST_ENGINE=postgresql runs one engine only.
 */
/** Test files about one engine's own machinery (its file format, its backups, its migration history). */
const SQLITE_ONLY = [
  "tests/integration/backup.test.ts",
  "tests/integration/enum-migration.test.ts",
  "tests/integration/setup-scripts.test.ts",
  "tests/integration/sso-migration.test.ts",
];

export default defineConfig(async () => {
  // The id of this run's PostgreSQL databases (tests/setup/postgres.ts); the workers inherit it.
  process.env.TEST_RUN_ID ??= newRunId();
  const wanted = process.env.TEST_ENGINE;
  let postgres = wanted !== "sqlite" && (await postgresReachable());
  if (!postgres && wanted !== "sqlite" && (process.env.REQUIRE_POSTGRES === "1" || wanted === "postgresql"))
    throw new Error(`PostgreSQL does not answer at ${TEST_POSTGRES_URL}, and REQUIRE_POSTGRES=1 or TEST_ENGINE=postgresql asks for it.`);
  if (!postgres && wanted !== "sqlite") console.warn(`PostgreSQL does not answer at ${TEST_POSTGRES_URL}: the integration tests run on SQLite only.`);
  postgres = postgres && wanted !== "sqlite";
  const shared = {
    setupFiles: ["tests/setup/setup-test-env.ts"],
    environment: "node" as const,
    testTimeout: 20_000,
    hookTimeout: 30_000,
  };
  const projects: TestProjectInlineConfiguration[] = [];
  if (wanted !== "postgresql")
    projects.push({
      extends: true,
      test: { ...shared, name: "sqlite", include: ["tests/unit/**/*.test.{ts,tsx}", "tests/integration/**/*.test.{ts,tsx}"], env: { TEST_ENGINE: "sqlite" } },
    });
  if (postgres)
    projects.push({
      extends: true,
      test: {
        ...shared,
        name: "postgresql",
        include: ["tests/integration/**/*.test.{ts,tsx}"],
        exclude: SQLITE_ONLY,
        env: { TEST_ENGINE: "postgresql", TEST_POSTGRES_URL },
        globalSetup: ["tests/setup/global-setup.ts"],
      },
    });
  return {
    resolve: { alias: { "~": path.resolve(import.meta.dirname, "app") } },
    test: {
      projects,
    },
  };
});
