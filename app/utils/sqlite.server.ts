// How every SQLite connection of the app is set up for a web server.
import path from "node:path";
import { mkdirSync } from "node:fs";

export const DEFAULT_DATABASE_URL = "file:./data/dev.db";
export const BUSY_TIMEOUT_MS = 5000;

/** Per-connection settings. WAL is stored in the file itself, the others last for the connection. */
export const SQLITE_PRAGMAS = ["journal_mode = WAL", "synchronous = NORMAL", "foreign_keys = ON", `busy_timeout = ${BUSY_TIMEOUT_MS}`] as const;

export function databaseUrl(): string {
  return process.env.DATABASE_URL || DEFAULT_DATABASE_URL;
}

/** The file path of a `file:` URL, relative to the working directory; its folder is created. */
export function sqliteFilePath(url = databaseUrl()): string {
  if (!url.startsWith("file:")) throw new Error(`Not a SQLite URL: ${url}`);
  const file = url.slice("file:".length).split("?")[0];
  if (file !== ":memory:") mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  return file;
}
