// A database built from prisma/migrations must match prisma/schema.prisma: every model's table,
// column, type, nullability, primary key, unique constraint and index. Run on the test database,
// which the setup built with the project's migration runner.
import { readFileSync } from "node:fs";
import Database from "better-sqlite3";
import { expect, test } from "vitest";
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

function readDatabase(db: Database.Database) {
  const tables = (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`).all() as { name: string }[])
    .map((t) => t.name)
    .filter((t) => t !== "_prisma_migrations");
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

const normalise = (m: Model) => ({
  columns: Object.fromEntries([...m.columns].sort(([a], [b]) => a.localeCompare(b))),
  primaryKey: m.primaryKey,
  uniques: m.uniques.map((u) => u.join(",")).sort(),
  indexes: m.indexes.map((u) => u.join(",")).sort(),
});

test("the migrated database matches schema.prisma, model by model", () => {
  const schema = parseSchema(readFileSync("prisma/schema.prisma", "utf8"));
  const db = new Database(sqliteFilePath(), { readonly: true });
  const actual = readDatabase(db);
  db.close();
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
