import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlDriverAdapter, SqlDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import pg from "pg";
import { Prisma, PrismaClient } from "~/generated/prisma/client";
import { PrismaClient as PostgresPrismaClient } from "~/generated/prisma-postgresql/client";
import { engineOf, postgresPoolConfig } from "./engine.server";
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

/** The pool of the PostgreSQL client, when the app runs on PostgreSQL (for the metrics and a clean shutdown). */
let pool: pg.Pool | undefined;

/**
 * The client for DATABASE_URL: `file:…` is SQLite through better-sqlite3, `postgresql://…` is
 * PostgreSQL through node-postgres. The two generated clients come from the same models (the
 * PostgreSQL schema is written from the SQLite one), so the app sees one type: the SQLite client's.
 */
export function createPrismaClient(url = databaseUrl()): PrismaClient {
  if (engineOf(url) === "postgresql") {
    const ownPool = new pg.Pool(postgresPoolConfig(url));
    // An idle connection that PostgreSQL closes (a restart, a terminated backend) is dropped from
    // the pool and replaced on demand; without a listener node-postgres would end the process.
    ownPool.on("error", (error) => console.warn(`PostgreSQL closed an idle connection: ${error.message}`));
    pool ??= ownPool;
    const client = new PostgresPrismaClient({ adapter: new PrismaPg(ownPool) });
    // Prisma leaves a pool it was given open; $disconnect closes it too, so scripts and tests end.
    const disconnect = client.$disconnect.bind(client);
    let ended = false;
    client.$disconnect = async () => {
      await disconnect();
      if (ended) return;
      ended = true;
      if (pool === ownPool) pool = undefined;
      await ownPool.end();
    };
    return client as unknown as PrismaClient;
  }
  return new PrismaClient({ adapter: new ConfiguredSqliteAdapterFactory(url) });
}

/** How many PostgreSQL connections the process holds, uses and waits for (null on SQLite). */
export function poolStats() {
  return pool ? { total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount } : null;
}

export type Db = PrismaClient;
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
