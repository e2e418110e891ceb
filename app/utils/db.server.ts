import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import type { SqlDriverAdapter, SqlDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { Prisma, PrismaClient } from "~/generated/prisma/client";
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
/** The client inside a transaction: what commands, reactors and factories write with. */
export type Tx = Prisma.TransactionClient;

const globalForPrisma = globalThis as unknown as { __prisma?: Db };

function client(): Db {
  return (globalForPrisma.__prisma ??= createPrismaClient());
}

/**
 * One client per process, created on first use, so that DATABASE_URL is read when the database is
 * first needed rather than when this module happens to be imported.
 */
export const prisma: Db = new Proxy({} as Db, {
  get(_target, property) {
    const target = client();
    const value = Reflect.get(target, property, target);
    return typeof value === "function" ? value.bind(target) : value;
  },
});

/** The database refused a row that a unique key already holds (two requests raced to write it). */
export function isUniqueViolation(error: unknown) {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}
