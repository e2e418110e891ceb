import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import type { SqlDriverAdapter, SqlDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { PrismaClient } from "~/generated/prisma/client";
import { BUSY_TIMEOUT_MS, SQLITE_PRAGMAS, databaseUrl, sqliteFilePath } from "./sqlite.server";

/**
 * Wraps Prisma's better-sqlite3 adapter so that every connection it opens gets the pragmas a
 * web server needs (WAL, synchronous=NORMAL, foreign keys, busy timeout) before its first query.
 */
class ConfiguredSqliteAdapterFactory implements SqlDriverAdapterFactory {
  readonly provider = "sqlite" as const;
  readonly adapterName: string;
  #inner: PrismaBetterSqlite3;
  constructor(url: string) {
    this.#inner = new PrismaBetterSqlite3({ url: `file:${sqliteFilePath(url)}`, timeout: BUSY_TIMEOUT_MS });
    this.adapterName = this.#inner.adapterName;
  }
  async connect(): Promise<SqlDriverAdapter> {
    const adapter = await this.#inner.connect();
    for (const pragma of SQLITE_PRAGMAS) {
      await adapter.executeRaw({ sql: `PRAGMA ${pragma}`, args: [], argTypes: [] });
    }
    return adapter;
  }
}

export function createPrismaClient(url = databaseUrl()) {
  return new PrismaClient({ adapter: new ConfiguredSqliteAdapterFactory(url) });
}

export type Db = ReturnType<typeof createPrismaClient>;

const globalForPrisma = globalThis as unknown as { __prisma?: Db };

/** One client per process (kept across dev rebuilds). */
export const prisma: Db = globalForPrisma.__prisma ?? (globalForPrisma.__prisma = createPrismaClient());
