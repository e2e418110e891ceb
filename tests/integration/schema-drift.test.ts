// A database built from the migrations must match prisma/schema.prisma: every model's table,
// column, type, nullability, primary key, unique constraint and index. Run on the test database,
// which the setup built with the project's migration runner: on SQLite from prisma/migrations, on
// PostgreSQL from prisma/postgresql/migrations. And the two engines cannot drift apart: the
// PostgreSQL schema is what the generator writes from the source, and every migration has its twin.
import { readFileSync } from "node:fs";
import Database from "better-sqlite3";
import { expect, test } from "vitest";
import { POSTGRES_SCHEMA, postgresSchema } from "../../scripts/prisma-schemas.mjs";
import { prisma } from "~/utils/db.server";
import { onPostgres } from "~/utils/engine.server";
import { MIGRATIONS_DIR, POSTGRES_MIGRATIONS_DIR, listMigrations } from "~/utils/migrations.server";
import { sqliteFilePath } from "~/utils/sqlite.server";

type Model = {
  columns: Map<string, { type: string; nullable: boolean }>;
  primaryKey: string[];
  uniques: string[][];
  indexes: string[][];
};

const SQLITE_TYPES: Record<string, string> = {
  String: "TEXT",
  Int: "INTEGER",
  BigInt: "BIGINT",
  Float: "REAL",
  Decimal: "DECIMAL",
  Boolean: "BOOLEAN",
  DateTime: "DATETIME",
  Json: "JSONB",
  Bytes: "BLOB",
};

function parseSchema(source: string) {
  const text = source.replace(/\/\/.*$/gm, "");
  const enums = new Set([...text.matchAll(/^enum\s+(\w+)\s*\{/gm)].map((m) => m[1]));
  const blocks = [...text.matchAll(/^model\s+(\w+)\s*\{([\s\S]*?)^\}/gm)];
  const modelNames = new Set(blocks.map((b) => b[1]));
  const models = new Map<string, Model>();
  const list = (s: string) =>
    s
      .split(",")
      .map((c) => c.trim().split("(")[0].trim())
      .filter(Boolean);
  for (const [, name, body] of blocks) {
    const model: Model = { columns: new Map(), primaryKey: [], uniques: [], indexes: [] };
    for (const raw of body.split("\n")) {
      const line = raw.trim();
      if (!line) continue;
      const block = line.match(/^@@(id|unique|index)\(\[([^\]]*)\]/);
      if (block) {
        const cols = list(block[2]);
        if (block[1] === "id") model.primaryKey = cols;
        else if (block[1] === "unique") model.uniques.push(cols);
        else model.indexes.push(cols);
        continue;
      }
      const field = line.match(/^(\w+)\s+(\w+)(\[\])?(\?)?\s*(.*)$/);
      if (!field) continue;
      const [, fieldName, type, isList, optional, attributes] = field;
      if (isList || modelNames.has(type)) continue; // relation fields have no column
      model.columns.set(fieldName, { type: enums.has(type) ? "TEXT" : SQLITE_TYPES[type], nullable: !!optional });
      if (/@id\b/.test(attributes)) model.primaryKey = [fieldName];
      if (/@unique\b/.test(attributes)) model.uniques.push([fieldName]);
    }
    models.set(name, model);
  }
  return models;
}

/** The ranked text index (docs/decisions/0013-search-index.md) is each engine's own, outside the models: on SQLite its FTS5 tables and their vocabularies. */
const SQLITE_SEARCH_TABLES = ["ExperimentWords", "ExperimentWords_terms", "IdeaWords", "IdeaWords_terms"];
/** On PostgreSQL, a tsvector column on Idea and Experiment, with its GIN index. */
const POSTGRES_SEARCH_COLUMN = "searchVector";

function readDatabase(db: Database.Database) {
  const all = db.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`).all() as { name: string; sql: string }[];
  const search = all.filter((t) => t.sql.startsWith("CREATE VIRTUAL TABLE")).map((t) => t.name);
  expect(search.sort(), "the search index's FTS5 tables").toEqual(SQLITE_SEARCH_TABLES);
  const tables = all.map((t) => t.name).filter((t) => t !== "_prisma_migrations" && !search.some((v) => t === v || t.startsWith(`${v}_`)));
  const models = new Map<string, Model>();
  for (const table of tables) {
    const info = db.prepare(`PRAGMA table_info("${table}")`).all() as { name: string; type: string; notnull: number; pk: number }[];
    const model: Model = {
      columns: new Map(info.map((c) => [c.name, { type: c.type, nullable: c.notnull === 0 }])),
      primaryKey: info
        .filter((c) => c.pk > 0)
        .sort((a, b) => a.pk - b.pk)
        .map((c) => c.name),
      uniques: [],
      indexes: [],
    };
    const indexes = db.prepare(`PRAGMA index_list("${table}")`).all() as { name: string; unique: number; origin: string }[];
    for (const index of indexes) {
      if (index.origin === "pk") continue;
      const cols = (db.prepare(`PRAGMA index_info("${index.name}")`).all() as { seqno: number; name: string }[])
        .sort((a, b) => a.seqno - b.seqno)
        .map((c) => c.name);
      (index.unique ? model.uniques : model.indexes).push(cols);
    }
    models.set(table, model);
  }
  return models;
}

/** PostgreSQL's names for the types of SQLite's columns (enums are PostgreSQL types of their own). */
const POSTGRES_TYPES: Record<string, string> = {
  text: "TEXT",
  integer: "INTEGER",
  bigint: "BIGINT",
  "double precision": "REAL",
  numeric: "DECIMAL",
  boolean: "BOOLEAN",
  "timestamp without time zone": "DATETIME",
  jsonb: "JSONB",
  bytea: "BLOB",
  "USER-DEFINED": "TEXT",
};

async function readPostgres() {
  const columns = await prisma.$queryRaw<{ table: string; column: string; type: string; nullable: string }[]>`
    SELECT table_name AS "table", column_name AS "column", data_type AS "type", is_nullable AS "nullable"
    FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'`;
  const indexes = await prisma.$queryRaw<{ table: string; name: string; primary: boolean; unique: boolean; columns: string[] }[]>`
    SELECT t.relname AS "table", i.relname AS "name", x.indisprimary AS "primary", x.indisunique AS "unique",
      ARRAY(SELECT a.attname::text FROM unnest(x.indkey) WITH ORDINALITY AS k(attnum, n) JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum ORDER BY k.n) AS "columns"
    FROM pg_index x JOIN pg_class t ON t.oid = x.indrelid JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_namespace ns ON ns.oid = t.relnamespace
    WHERE ns.nspname = 'public' AND t.relname <> '_prisma_migrations'`;
  const models = new Map<string, Model>();
  const model = (table: string) => {
    let m = models.get(table);
    if (!m) models.set(table, (m = { columns: new Map(), primaryKey: [], uniques: [], indexes: [] }));
    return m;
  };
  expect(
    columns
      .filter((c) => c.column === POSTGRES_SEARCH_COLUMN)
      .map((c) => `${c.table}.${c.type}`)
      .sort(),
    "the search index's tsvector columns",
  ).toEqual(["Experiment.tsvector", "Idea.tsvector"]);
  for (const c of columns) {
    if (c.column === POSTGRES_SEARCH_COLUMN) continue;
    model(c.table).columns.set(c.column, { type: POSTGRES_TYPES[c.type] ?? c.type, nullable: c.nullable === "YES" });
  }
  for (const index of indexes) {
    // Search's tsvector indexes are PostgreSQL's own (the source schema cannot say them): not the models' business.
    if (index.name.endsWith("_searchVector_idx")) continue;
    const m = model(index.table);
    if (index.primary) m.primaryKey = index.columns;
    else (index.unique ? m.uniques : m.indexes).push(index.columns);
  }
  return models;
}

const normalise = (m: Model) => ({
  columns: Object.fromEntries([...m.columns].sort(([a], [b]) => a.localeCompare(b))),
  primaryKey: m.primaryKey,
  uniques: m.uniques.map((u) => u.join(",")).sort(),
  indexes: m.indexes.map((u) => u.join(",")).sort(),
});

test("the migrated database matches schema.prisma, model by model", async () => {
  const schema = parseSchema(readFileSync("prisma/schema.prisma", "utf8"));
  let actual: Map<string, Model>;
  if (onPostgres()) actual = await readPostgres();
  else {
    const db = new Database(sqliteFilePath(), { readonly: true });
    actual = readDatabase(db);
    db.close();
  }
  expect([...actual.keys()].sort()).toEqual([...schema.keys()].sort());
  for (const [name, model] of schema) {
    expect(normalise(actual.get(name)!), `table ${name}`).toEqual(normalise(model));
  }
  // The parser itself must have seen the schema's details, or the comparison proves nothing.
  expect(schema.get("User")!.uniques).toEqual([["email"]]);
  expect(schema.get("Idea")!.indexes).toContainEqual(["stageId", "position"]);
  expect(schema.get("Idea")!.columns.get("stageId")).toEqual({ type: "INTEGER", nullable: true });
  expect(schema.get("Support")!.primaryKey).toEqual(["ideaId", "userId"]);
});

test("the PostgreSQL schema is the source schema with only its datasource and client output changed", () => {
  const source = readFileSync("prisma/schema.prisma", "utf8");
  const written = readFileSync(POSTGRES_SCHEMA, "utf8");
  expect(written, "prisma/postgresql/schema.prisma is out of date: npm install (or node scripts/prisma-schemas.mjs) writes it").toBe(postgresSchema(source));
  expect(written).toContain('provider = "postgresql"');
  expect(written.split("\n").filter((line) => !source.includes(line))).toEqual([
    "// Written by scripts/prisma-schemas.mjs from prisma/schema.prisma: edit that file, not this one.",
    '  output       = "../../app/generated/prisma-postgresql"',
    '  provider = "postgresql"',
  ]);
});

test("every migration exists for both engines, under the same name", () => {
  const sqlite = listMigrations(MIGRATIONS_DIR).map((m) => m.name);
  const postgres = listMigrations(POSTGRES_MIGRATIONS_DIR).map((m) => m.name);
  expect(sqlite.length).toBeGreaterThan(10);
  expect(postgres).toEqual(sqlite);
});
