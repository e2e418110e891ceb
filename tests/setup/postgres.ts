// PostgreSQL for the tests: where it runs, a template database migrated once per run, and a fresh
// copy of it for each test file (CREATE DATABASE … TEMPLATE takes a few tens of milliseconds).
import pg from "pg";
import { postgresAnswers } from "../../app/utils/engine.server";

/** The server the tests use: TEST_POSTGRES_URL, or the local one on 127.0.0.1:5432 (any database on it; tests make their own). */
export const TEST_POSTGRES_URL = process.env.TEST_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
/**
 * One run's databases carry its id (when it began, in base 36, and a random part), so that runs at
 * the same time on one server leave each other's databases alone; vitest.config.ts sets it.
 */
export const runId = () => process.env.TEST_RUN_ID ?? "";
export const newRunId = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
export const templateDatabase = () => `idealab_tpl_${runId()}`;
/** The prefix of every database the tests make. */
export const TEST_DATABASE_PREFIX = "idealab_t";

/** The URL of another database on the same server. */
export function databaseOn(name: string, server = TEST_POSTGRES_URL) {
  const url = new URL(server);
  url.pathname = `/${name}`;
  return url.toString();
}

/** True when the test PostgreSQL answers within a second. */
export const postgresReachable = (url = TEST_POSTGRES_URL) => postgresAnswers(url, 1000);

export async function admin<T>(work: (client: pg.Client) => Promise<T>, url = TEST_POSTGRES_URL): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** A new database copied from the template; returns its URL. */
export async function createTestDatabase(name: string) {
  await admin((c) => c.query(`CREATE DATABASE "${name}" TEMPLATE "${templateDatabase()}"`));
  return databaseOn(name);
}

export async function dropDatabase(name: string) {
  await admin((c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
}
