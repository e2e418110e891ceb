// The PostgreSQL schema is written from prisma/schema.prisma (the one source): Prisma cannot switch
// providers inside one schema, so the copy differs only in its datasource and in where its client is
// generated. `npm install` writes it; a test fails when the committed copy is not what this writes.
import { existsSync, readFileSync, writeFileSync, mkdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const SOURCE = path.join(root, "prisma", "schema.prisma");
export const POSTGRES_SCHEMA = path.join(root, "prisma", "postgresql", "schema.prisma");

const HEADER = "// Written by scripts/prisma-schemas.mjs from prisma/schema.prisma: edit that file, not this one.\n";

/** The PostgreSQL copy of a SQLite schema's text. */
export function postgresSchema(source) {
  let out = source;
  const swap = (from, to, what) => {
    if (!from.test(out)) throw new Error(`prisma/schema.prisma: ${what} not found`);
    out = out.replace(from, to);
  };
  swap(/(datasource db \{\s*provider\s*=\s*)"sqlite"/, '$1"postgresql"', 'the datasource\'s provider = "sqlite"');
  swap(/(output\s*=\s*)"\.\.\/app\/generated\/prisma"/, '$1"../../app/generated/prisma-postgresql"', 'the generator\'s output "../app/generated/prisma"');
  return HEADER + out;
}

export function writePostgresSchema() {
  mkdirSync(path.dirname(POSTGRES_SCHEMA), { recursive: true });
  const text = postgresSchema(readFileSync(SOURCE, "utf8"));
  const current = existsSync(POSTGRES_SCHEMA) ? readFileSync(POSTGRES_SCHEMA, "utf8") : "";
  if (current !== text) writeFileSync(POSTGRES_SCHEMA, text);
  return text;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writePostgresSchema();
  console.log(`Wrote ${path.relative(root, POSTGRES_SCHEMA)} from prisma/schema.prisma.`);
}
