// Which database engine DATABASE_URL names, and how the app connects to PostgreSQL.
import pg, { type PoolConfig } from "pg";
import { databaseUrl } from "./sqlite.server";

export type Engine = "sqlite" | "postgresql";

export function engineOf(url = databaseUrl()): Engine {
  if (url.startsWith("file:")) return "sqlite";
  if (/^postgres(ql)?:\/\//.test(url)) return "postgresql";
  throw new Error(`DATABASE_URL must start with file: (SQLite) or postgresql:// (PostgreSQL); it starts with ${JSON.stringify(url.split(":")[0])}`);
}

/** True when the app runs on PostgreSQL. */
export const onPostgres = () => engineOf() === "postgresql";

/**
 * node-postgres settings from the URL. DATABASE_POOL_SIZE (default 10) bounds each process's
 * connections: several processes share PostgreSQL's max_connections (100 by default).
 */
export function postgresPoolConfig(url = databaseUrl()): PoolConfig {
  const size = Number(process.env.DATABASE_POOL_SIZE ?? 10);
  return {
    connectionString: url,
    max: Number.isInteger(size) && size > 0 ? size : 10,
    idleTimeoutMillis: 30_000,
    connectionTimeoutMillis: 10_000,
  };
}

/** The database for a person to read: the SQLite file, or the PostgreSQL host and database without the password. */
export function describeDatabase(url = databaseUrl()) {
  if (engineOf(url) === "sqlite") return url.slice("file:".length).split("?")[0];
  const u = new URL(url);
  return `postgresql://${u.username ? `${u.username}@` : ""}${u.host}${u.pathname}`;
}

/** True when the PostgreSQL server at `url` answers a query within `timeoutMs`. */
export async function postgresAnswers(url: string, timeoutMs = 1000) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: timeoutMs });
  try {
    await client.connect();
    await client.query("SELECT 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}
