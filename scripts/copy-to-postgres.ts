// npm run db:copy-to-postgres [-- --from file:./data/dev.db --to postgresql://…]
// Moves a lab from SQLite to PostgreSQL: copies every row of the SQLite database (FROM, by default
// ./data/dev.db) into the PostgreSQL database named by --to or DATABASE_URL, ids kept.
//
// 1. The SQLite database is checked as a backup is (integrity, foreign keys, migration history) and
//    must be at this code's migration level; the target is migrated first (the PostgreSQL twins of
//    the same migrations) and must be empty: no rows in any table, no tables that are not Idea Lab's.
// 2. One PostgreSQL transaction holds the whole copy, with the tables locked against other writers,
//    and one SQLite read transaction gives one snapshot of the source (the app may keep running on
//    it; what it writes after the copy began is not copied). Tables go in foreign-key order, rows in
//    batches (a key to a row of the same table, Idea.mergedIntoId, is written after the table's rows); values are converted by the target column's type: DateTime (which Prisma's SQLite
//    adapter writes as ISO text, `2026-12-02T18:30:00.000+00:00`; SQLite's CURRENT_TIMESTAMP writes
//    `2026-12-02 18:30:00`; a number is milliseconds) to a UTC timestamp, 0/1 to booleans, text
//    (JSON kept as the text it is) with any NUL character removed (PostgreSQL cannot store one; each
//    one is reported). The audit log's append-only triggers refuse UPDATE and DELETE only: inserts pass.
// 3. Every serial sequence is set past the highest id the table has had (SQLite's AUTOINCREMENT
//    never reuses an id, even of a deleted row, and neither will PostgreSQL), so new rows get fresh ids.
// 4. Every table is counted on both sides inside the transaction: on any difference nothing is
//    committed, the counts are printed and the command exits 1.
import { pathToFileURL } from "node:url";
import path from "node:path";
import { parseArgs } from "node:util";
import Database from "better-sqlite3";
import pg from "pg";
import { describeDatabase, engineOf } from "../app/utils/engine.server";
import { MIGRATIONS_DIR, POSTGRES_MIGRATIONS_DIR, applyPostgresMigrations, listMigrations } from "../app/utils/migrations.server";
import { BUSY_TIMEOUT_MS, DEFAULT_DATABASE_URL, databaseUrl } from "../app/utils/sqlite.server";
import { BackupError, errorMessage } from "./backup-common";
import { checkDatabase } from "./backup-sqlite";

/** A refusal or failure to tell the person running the command. */
export class CopyError extends Error {}

export type TableCount = { table: string; sqlite: number; postgres: number };

export type CopyResult = {
  from: string;
  to: string;
  /** Migrations applied to the target before the copy. */
  migrated: string[];
  /** Every table, in the order copied, with its rows on both sides. */
  tables: TableCount[];
  rows: number;
  /** Serial sequences set: the id the next new row gets. */
  sequences: { table: string; column: string; next: number }[];
  /** NUL characters removed, per table and column. */
  removedNuls: { table: string; column: string; count: number }[];
  ms: number;
};

const ident = (name: string) => `"${name.replaceAll('"', '""')}"`;
/** PostgreSQL takes at most 65,535 parameters in one statement. */
const MAX_PARAMETERS = 30_000;
const MAX_BATCH_ROWS = 1_000;

// ---------------------------------------------------------------------------------------------
// Values

/** SQLite's text forms of a moment: ISO 8601 with `T` or a space, with or without seconds, fraction and zone (none is UTC). */
const SQLITE_MOMENT = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

/** A DateTime as the SQLite database holds it, read as Prisma reads it; throws on anything else. */
export function momentOf(value: unknown): Date {
  let date: Date | null = null;
  if (typeof value === "number" || typeof value === "bigint") date = new Date(Number(value));
  else if (typeof value === "string" && /^-?\d+$/.test(value.trim())) date = new Date(Number(value));
  else if (typeof value === "string") {
    const m = SQLITE_MOMENT.exec(value.trim());
    if (m) {
      const [, y, mo, d, h = "00", mi = "00", s = "00", fraction = "", zone = "Z"] = m;
      const offset = zone.toUpperCase() === "Z" ? "Z" : zone.length === 3 ? `${zone}:00` : zone.includes(":") ? zone : `${zone.slice(0, 3)}:${zone.slice(3)}`;
      date = new Date(`${y}-${mo}-${d}T${h}:${mi}:${s}.${fraction.padEnd(3, "0").slice(0, 3)}${offset}`);
    }
  }
  if (!date || Number.isNaN(date.getTime())) throw new Error(`not a date and time: ${JSON.stringify(value)}`);
  const year = date.getUTCFullYear();
  if (year < 1 || year > 9999) throw new Error(`a date outside the years 1-9999: ${JSON.stringify(value)}`);
  return date;
}

/** `2026-12-02 18:30:00.000`: a moment in UTC as `timestamp(3)` reads it, whatever the time zone of this process or the session. */
const utcText = (date: Date) => date.toISOString().replace("T", " ").replace("Z", "");

type Column = { name: string; dataType: string };
type Converter = (value: unknown) => unknown;

/** How a value of the SQLite column becomes a value of the PostgreSQL column `column`; `nul` counts the NUL characters removed. */
function converterFor(column: Column, nul: { count: number }): Converter {
  switch (column.dataType) {
    case "timestamp without time zone":
      return (v) => (v === null ? null : utcText(momentOf(v)));
    case "timestamp with time zone":
      return (v) => (v === null ? null : `${utcText(momentOf(v))}+00`);
    case "date":
      return (v) => (v === null ? null : utcText(momentOf(v)).slice(0, 10));
    case "boolean":
      return (v) => {
        if (v === null || typeof v === "boolean") return v;
        if (v === 0 || v === 1 || v === 0n || v === 1n) return Number(v) === 1;
        if (v === "0" || v === "1" || v === "true" || v === "false") return v === "1" || v === "true";
        throw new Error(`not a boolean (0 or 1): ${JSON.stringify(v)}`);
      };
    case "smallint":
    case "integer":
    case "bigint":
      return (v) => {
        if (v === null || typeof v === "bigint") return v;
        const n = typeof v === "string" && /^-?\d+$/.test(v.trim()) ? Number(v) : v;
        if (typeof n !== "number" || !Number.isInteger(n)) throw new Error(`not a whole number: ${JSON.stringify(v)}`);
        return n;
      };
    case "real":
    case "double precision":
    case "numeric":
      return (v) => {
        if (v === null || typeof v === "number" || typeof v === "bigint") return v;
        if (typeof v === "string" && v.trim() !== "" && Number.isFinite(Number(v))) return Number(v);
        throw new Error(`not a number: ${JSON.stringify(v)}`);
      };
    case "bytea":
      return (v) => (v === null || Buffer.isBuffer(v) ? v : Buffer.from(String(v)));
    case "json":
    case "jsonb":
      return (v) => {
        if (v === null) return null;
        JSON.parse(String(v));
        return String(v);
      };
    default: {
      // text, character varying, enums (USER-DEFINED, given as their text): strings, without NUL.
      return (v) => {
        if (v === null) return null;
        if (Buffer.isBuffer(v)) throw new Error("binary data in a text column");
        const text = String(v);
        if (!text.includes("\0")) return text;
        nul.count += text.split("\0").length - 1;
        return text.replaceAll("\0", "");
      };
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Tables

/** The tables in an order where every table comes after those its foreign keys point to (names alphabetical among equals). */
export function foreignKeyOrder(tables: string[], references: { child: string; parent: string }[]) {
  const parents = new Map(tables.map((t) => [t, new Set<string>()]));
  for (const { child, parent } of references) if (child !== parent && parents.has(child) && parents.has(parent)) parents.get(child)!.add(parent);
  const order: string[] = [];
  const left = new Set(tables);
  while (left.size) {
    const ready = [...left].filter((t) => [...parents.get(t)!].every((p) => !left.has(p))).sort();
    if (!ready.length) throw new CopyError(`The foreign keys between ${[...left].join(", ")} form a cycle: there is no order to copy them in.`);
    for (const t of ready) {
      order.push(t);
      left.delete(t);
    }
  }
  return order;
}

/** The tables an Idea Lab database keeps its data in (the migration history is each engine's own). */
const isDataTable = (name: string) => name !== "_prisma_migrations" && !name.startsWith("sqlite_");

/**
 * The search index is each engine's own (docs/decisions/0013-search-index.md): FTS5 tables on
 * SQLite, and on PostgreSQL a tsvector column that its trigger fills as the rows go in. Neither is copied.
 */
const SEARCH_COLUMN = "searchVector";
function sqliteDataTables(db: Database.Database) {
  const all = db.prepare(`SELECT name, sql FROM sqlite_schema WHERE type = 'table' ORDER BY name`).all() as { name: string; sql: string | null }[];
  const search = all.filter((t) => t.sql?.startsWith("CREATE VIRTUAL TABLE")).map((t) => t.name);
  return all.map((t) => t.name).filter((name) => isDataTable(name) && !search.some((v) => name === v || name.startsWith(`${v}_`)));
}

async function postgresTables(client: pg.ClientBase) {
  const { rows } = await client.query<{ table_name: string; column_name: string; data_type: string }>(
    `SELECT table_name, column_name, data_type FROM information_schema.columns WHERE table_schema = 'public' ORDER BY table_name, ordinal_position`,
  );
  const tables = new Map<string, Column[]>();
  for (const r of rows) {
    if (!isDataTable(r.table_name) || r.column_name === SEARCH_COLUMN) continue;
    if (!tables.has(r.table_name)) tables.set(r.table_name, []);
    tables.get(r.table_name)!.push({ name: r.column_name, dataType: r.data_type });
  }
  return tables;
}

/** The tables of the target that hold rows, with how many. */
async function nonEmpty(client: pg.ClientBase, tables: string[]) {
  const full: string[] = [];
  for (const t of tables) {
    const { rows } = await client.query<{ n: string }>(`SELECT count(*) AS n FROM ${ident(t)}`);
    if (Number(rows[0].n) > 0) full.push(`${t} (${Number(rows[0].n).toLocaleString("en")} rows)`);
  }
  return full;
}

function sqliteFileOf(from: string) {
  return path.resolve(from.startsWith("file:") ? from.slice("file:".length).split("?")[0] : from);
}

// ---------------------------------------------------------------------------------------------
// The copy

/**
 * Copies every row of the SQLite database `from` (a file: URL or a path) into the PostgreSQL
 * database at `to`, which it migrates first and which must be empty. See the top of this file.
 */
export async function copyToPostgres(options: { from: string; to: string; batchRows?: number }): Promise<CopyResult> {
  const started = performance.now();
  const file = sqliteFileOf(options.from);
  if (engineOf(options.to) !== "postgresql") throw new CopyError(`The target must be a PostgreSQL database (postgresql://…), not ${options.to}.`);
  const to = describeDatabase(options.to);

  // The source: a whole Idea Lab database, at this code's migration level, whose migrations have PostgreSQL twins.
  let check;
  try {
    check = checkDatabase(file);
  } catch (error) {
    if (error instanceof BackupError) throw new CopyError(`The SQLite database cannot be copied: ${error.message}`);
    throw error;
  }
  if (check.pending.length) {
    throw new CopyError(
      `The SQLite database ${file} lacks ${check.pending.length} of this code's migrations (${check.pending.join(", ")}). ` +
        `Bring it up to date first: DATABASE_URL=file:${file} npm run db:migrate`,
    );
  }
  const twins = listMigrations(POSTGRES_MIGRATIONS_DIR).map((m) => m.name);
  const sqliteMigrations = listMigrations(MIGRATIONS_DIR).map((m) => m.name);
  if (twins.join() !== sqliteMigrations.join()) {
    throw new CopyError("prisma/postgresql/migrations does not have a twin of every migration in prisma/migrations: the two schemas would differ.");
  }

  // The target, before anything is written to it: reachable, and empty (or an empty Idea Lab database).
  const client = new pg.Client({ connectionString: options.to });
  try {
    await client.connect();
  } catch (error) {
    await client.end().catch(() => undefined);
    const missing = (error as { code?: string }).code === "3D000";
    throw new CopyError(
      `Cannot connect to ${to}: ${errorMessage(error)}.` + (missing ? ` Create it first (createdb, or CREATE DATABASE) as an empty database.` : ""),
    );
  }
  client.on("notice", () => undefined);
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const sqliteTables = sqliteDataTables(db);
    {
      const existing = await postgresTables(client);
      const foreign = [...existing.keys()].filter((t) => !sqliteTables.includes(t));
      if (foreign.length) throw new CopyError(`${to} is not an empty database: it has tables that are not Idea Lab's (${foreign.join(", ")}).`);
      const full = await nonEmpty(client, [...existing.keys()]);
      if (full.length) {
        throw new CopyError(`${to} is not empty: ${full.join(", ")}. Copy into a new, empty database (createdb), so that nothing is mixed or lost.`);
      }
    }
    const migrated = await applyPostgresMigrations(options.to);

    const columns = await postgresTables(client);
    for (const table of sqliteTables) {
      if (!columns.has(table)) throw new CopyError(`${to} has no table ${table} after its migrations: the SQLite and PostgreSQL schemas differ.`);
      const sqliteColumns = (db.prepare(`PRAGMA table_info(${ident(table)})`).all() as { name: string }[]).map((c) => c.name).sort();
      const pgColumns = columns
        .get(table)!
        .map((c) => c.name)
        .sort();
      if (sqliteColumns.join() !== pgColumns.join()) {
        throw new CopyError(
          `The table ${table} has the columns ${sqliteColumns.join(", ")} in SQLite and ${pgColumns.join(", ")} in PostgreSQL: the schemas differ.`,
        );
      }
    }
    const extra = [...columns.keys()].filter((t) => !sqliteTables.includes(t));
    if (extra.length) throw new CopyError(`${to} has tables the SQLite database lacks (${extra.join(", ")}): the schemas differ.`);
    const { rows: references } = await client.query<{ child: string; parent: string }>(
      `SELECT ch.relname AS child, pa.relname AS parent FROM pg_constraint c
       JOIN pg_class ch ON ch.oid = c.conrelid JOIN pg_class pa ON pa.oid = c.confrelid
       WHERE c.contype = 'f' AND ch.relnamespace = 'public'::regnamespace`,
    );
    const order = foreignKeyOrder(sqliteTables, references);
    // A table's keys to its own rows (an idea merged into another, whose id may be the higher): the
    // column is written once all of the table's rows are in, as an earlier row may point to a later one.
    // (Idea.mergedIntoId is the only one, and ids are integers: the update below casts them so.)
    const { rows: selfKeys } = await client.query<{ table: string; column: string; key: string }>(
      `SELECT ch.relname AS "table", fk.attname AS "column", pk.attname AS "key" FROM pg_constraint c
       JOIN pg_class ch ON ch.oid = c.conrelid
       JOIN pg_attribute fk ON fk.attrelid = c.conrelid AND fk.attnum = c.conkey[1]
       JOIN pg_attribute pk ON pk.attrelid = c.confrelid AND pk.attnum = c.confkey[1]
       WHERE c.contype = 'f' AND c.conrelid = c.confrelid AND cardinality(c.conkey) = 1 AND ch.relnamespace = 'public'::regnamespace`,
    );

    // One snapshot of the source for the whole copy.
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    db.exec("BEGIN");
    db.prepare(`SELECT count(*) FROM sqlite_schema`).get();
    await client.query("BEGIN");
    try {
      await client.query(`LOCK TABLE ${order.map(ident).join(", ")} IN EXCLUSIVE MODE`);
      const full = await nonEmpty(client, order);
      if (full.length) throw new CopyError(`${to} was written to while the copy began: ${full.join(", ")}. Nothing was copied.`);

      const removedNuls: CopyResult["removedNuls"] = [];
      let rows = 0;
      for (const table of order) {
        const cols = columns.get(table)!;
        const nuls = cols.map(() => ({ count: 0 }));
        const convert = cols.map((c, i) => converterFor(c, nuls[i]));
        const perBatch = Math.max(1, Math.min(options.batchRows ?? MAX_BATCH_ROWS, Math.floor(MAX_PARAMETERS / cols.length)));
        const head = `INSERT INTO ${ident(table)} (${cols.map((c) => ident(c.name)).join(", ")}) VALUES `;
        let batch: unknown[][] = [];
        const flush = async () => {
          if (!batch.length) return;
          const values: unknown[] = [];
          const tuples = batch.map((row) => `(${row.map((v) => `$${values.push(v)}`).join(", ")})`);
          await client.query(head + tuples.join(", "), values);
          rows += batch.length;
          batch = [];
        };
        const select = db.prepare(`SELECT ${cols.map((c) => ident(c.name)).join(", ")}, rowid AS "__rowid" FROM ${ident(table)} ORDER BY rowid`).raw(true);
        const later = selfKeys
          .filter((k) => k.table === table)
          .map((k) => ({ ...k, at: cols.findIndex((c) => c.name === k.column), keyAt: cols.findIndex((c) => c.name === k.key), values: [] as unknown[][] }));
        for (const raw of select.iterate() as IterableIterator<unknown[]>) {
          const row = raw.slice(0, cols.length).map((value, i) => {
            try {
              return convert[i](value);
            } catch (error) {
              throw new CopyError(`${table}.${cols[i].name} of row ${String(raw[cols.length])} (rowid) cannot be copied: ${errorMessage(error)}.`);
            }
          });
          for (const key of later) {
            if (row[key.at] === null || row[key.at] === undefined) continue;
            key.values.push([row[key.keyAt], row[key.at]]);
            row[key.at] = null;
          }
          batch.push(row);
          if (batch.length >= perBatch) await flush();
        }
        await flush();
        for (const key of later) {
          for (let start = 0; start < key.values.length; start += MAX_BATCH_ROWS) {
            const values: unknown[] = [];
            const tuples = key.values
              .slice(start, start + MAX_BATCH_ROWS)
              .map(([id, value]) => `($${values.push(id)}::integer, $${values.push(value)}::integer)`);
            await client.query(
              `UPDATE ${ident(table)} SET ${ident(key.column)} = v."value" FROM (VALUES ${tuples.join(", ")}) AS v("key", "value") WHERE ${ident(table)}.${ident(key.key)} = v."key"`,
              values,
            );
          }
        }
        cols.forEach((c, i) => nuls[i].count && removedNuls.push({ table, column: c.name, count: nuls[i].count }));
      }

      // Serial sequences past the highest id each table has had.
      const highest = new Map<string, number>();
      const hasSequenceTable = db.prepare(`SELECT 1 FROM sqlite_schema WHERE name = 'sqlite_sequence'`).get();
      if (hasSequenceTable)
        for (const r of db.prepare(`SELECT name, seq FROM sqlite_sequence`).all() as { name: string; seq: number }[]) highest.set(r.name, r.seq);
      const { rows: serials } = await client.query<{ table_name: string; column_name: string }>(
        `SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public' AND column_default LIKE 'nextval(%' ORDER BY table_name`,
      );
      const sequences: CopyResult["sequences"] = [];
      for (const { table_name: table, column_name: column } of serials) {
        const { rows: max } = await client.query<{ max: number | null }>(`SELECT max(${ident(column)}) AS max FROM ${ident(table)}`);
        const next = Math.max(max[0].max ?? 0, highest.get(table) ?? 0) + 1;
        await client.query(`SELECT setval(pg_get_serial_sequence($1, $2), $3, false)`, [ident(table), column, next]);
        sequences.push({ table, column, next });
      }

      // Every table counted on both sides, before anything is committed.
      const tables: TableCount[] = [];
      for (const table of order) {
        const sqlite = (db.prepare(`SELECT count(*) AS n FROM ${ident(table)}`).get() as { n: number }).n;
        const { rows: n } = await client.query<{ n: string }>(`SELECT count(*) AS n FROM ${ident(table)}`);
        tables.push({ table, sqlite, postgres: Number(n[0].n) });
      }
      const result: CopyResult = { from: file, to, migrated, tables, rows, sequences, removedNuls, ms: 0 };
      if (tables.some((t) => t.sqlite !== t.postgres)) {
        await client.query("ROLLBACK");
        throw new CountMismatch(result);
      }
      await client.query("COMMIT");
      return { ...result, ms: performance.now() - started };
    } catch (error) {
      await client.query("ROLLBACK").catch(() => undefined);
      throw error;
    } finally {
      if (db.inTransaction) db.exec("COMMIT");
    }
  } finally {
    db.close();
    await client.end();
  }
}

/** The counts differed: nothing was committed. Carries the counts to print. */
export class CountMismatch extends CopyError {
  constructor(readonly result: CopyResult) {
    const differ = result.tables.filter((t) => t.sqlite !== t.postgres).map((t) => t.table);
    super(`The row counts differ in ${differ.join(", ")}: nothing was committed to ${result.to}.`);
  }
}

// ---------------------------------------------------------------------------------------------
// The command

function printCounts(tables: TableCount[]) {
  const width = Math.max(5, ...tables.map((t) => t.table.length));
  console.log(`  ${"table".padEnd(width)}  ${"SQLite".padStart(10)}  ${"PostgreSQL".padStart(10)}`);
  for (const t of tables) {
    console.log(
      `  ${t.table.padEnd(width)}  ${t.sqlite.toLocaleString("en").padStart(10)}  ${t.postgres.toLocaleString("en").padStart(10)}  ${t.sqlite === t.postgres ? "ok" : "DIFFERENT"}`,
    );
  }
}

async function main() {
  const USAGE = "Usage: npm run db:copy-to-postgres [-- --from file:./data/dev.db --to postgresql://user@host:5432/database]   (--to defaults to DATABASE_URL)";
  let values: { from?: string; to?: string; help?: boolean };
  try {
    ({ values } = parseArgs({ options: { from: { type: "string" }, to: { type: "string" }, help: { type: "boolean", short: "h" } } }));
  } catch (error) {
    console.error(errorMessage(error));
    console.error(USAGE);
    process.exit(2);
  }
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const from = values.from ?? DEFAULT_DATABASE_URL;
  const to = values.to ?? databaseUrl();
  if (!/^postgres(ql)?:\/\//.test(to)) {
    console.error(`Name the PostgreSQL database to copy into with --to postgresql://… or DATABASE_URL (it is ${JSON.stringify(to)}).`);
    console.error(USAGE);
    process.exit(2);
  }
  const relative = (file: string) => {
    const inside = path.relative(process.cwd(), file);
    return inside && !inside.startsWith("..") && !path.isAbsolute(inside) ? inside : file;
  };
  console.log(`Copying ${relative(sqliteFileOf(from))} (SQLite) into ${describeDatabase(to)}.`);
  try {
    const result = await copyToPostgres({ from, to });
    if (result.migrated.length) console.log(`Migrated ${result.to}: ${result.migrated.length} migration(s) applied.`);
    printCounts(result.tables);
    for (const n of result.removedNuls) {
      console.log(`Removed ${n.count} NUL character(s) from ${n.table}.${n.column} (PostgreSQL cannot store them; the app drops them from what it is sent).`);
    }
    console.log(
      `Copied ${result.rows.toLocaleString("en")} rows in ${result.tables.length} tables in ${(result.ms / 1000).toFixed(2)} s; ` +
        `every table has the same rows on both sides, and new rows get ids after the copied ones.`,
    );
    console.log(`Now run the app on it: DATABASE_URL=${describeDatabase(to)} (with its password) npm run serve. The SQLite file is left as it was.`);
  } catch (error) {
    if (error instanceof CountMismatch) printCounts(error.result.tables);
    if (!(error instanceof CopyError)) throw error;
    console.error(`Refused: ${error.message}`);
    process.exit(1);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
