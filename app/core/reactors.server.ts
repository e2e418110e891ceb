// Reactors: what happens because of an event, registered once at start-up
// (app/modules/system/reactors.server.ts) and run by the command core (command.server.ts).
//   inside  runs in the command's transaction, so it commits or rolls back with the change
//           (the idea's history, the dashboard's stays and daily counts, notifications, the audit log)
//   after   reaches outside the database (the mail job's nudge): it is written down as a Reaction
//           row in the transaction and run after the commit; a failure is logged and retried with
//           a growing delay, on whichever process gets to it first, never lost and never run for
//           a change that rolled back.
import { prisma, type Tx } from "~/utils/db.server";
import { parseEvent, serializeEvent, type DomainEvent, type EventKind, type EventOf, type NewEvent } from "./events";

export type Emit = (event: NewEvent) => Promise<void>;

export type InsideReactor<K extends EventKind = EventKind> = {
  name: string;
  on: K;
  phase: "inside";
  react: (event: EventOf<K>, ctx: { tx: Tx; emit: Emit }) => Promise<void>;
};

export type AfterReactor<K extends EventKind = EventKind> = {
  name: string;
  on: K;
  phase: "after";
  /** Leaves out events the reactor has nothing to do for, so no row is written for them. */
  when?: (event: EventOf<K>) => boolean;
  react: (event: EventOf<K>) => Promise<void>;
};

/** Any reactor, of whichever kind of event. */
export type Reactor = { [K in EventKind]: InsideReactor<K> | AfterReactor<K> }[EventKind];

/** A reaction that keeps failing is given up after this many attempts (and kept, with its error). */
export const MAX_REACTION_ATTEMPTS = 10;
/** How long a process may take over a reaction before another may try it. */
const LEASE_MS = 5 * 60_000;
const retryDelay = (attempts: number) => Math.min(10_000 * 2 ** (attempts - 1), 3_600_000);

// The registry holds reactors of every kind; each is called only with events of its own kind.
type AnyInside = { name: string; on: EventKind; react: (event: DomainEvent, ctx: { tx: Tx; emit: Emit }) => Promise<void> };
type AnyAfter = { name: string; on: EventKind; when?: (event: DomainEvent) => boolean; react: (event: DomainEvent) => Promise<void> };
let inside: AnyInside[] = [];
let after = new Map<string, AnyAfter>();
let registered = false;
let runAtOnce = false;

/** Registers the app's reactors, in the order the inside ones run. Calling it again replaces them. */
export function registerReactors(reactors: Reactor[]) {
  const names = reactors.map((r) => r.name);
  if (new Set(names).size !== names.length) throw new Error(`Two reactors share a name: ${names.join(", ")}`);
  inside = reactors.filter((r) => r.phase === "inside") as AnyInside[];
  after = new Map((reactors.filter((r) => r.phase === "after") as AnyAfter[]).map((r) => [r.name, r]));
  registered = true;
}

/** The registered reactors' names, in order. */
export function registeredReactors() {
  return [...inside.map((r) => r.name), ...after.keys()];
}

export function assertRegistered() {
  if (!registered) throw new Error("No reactors are registered: import app/modules/system/reactors.server.ts at start-up.");
}

/** Runs the inside reactors of one event, in registration order. */
export async function reactInside(tx: Tx, event: DomainEvent, emit: Emit) {
  for (const reactor of inside) if (reactor.on === event.kind) await reactor.react(event, { tx, emit });
}

/** Writes a Reaction row for every after-commit reactor of these events; returns their ids. */
export async function recordReactions(tx: Tx, events: DomainEvent[], now: Date) {
  const ids: number[] = [];
  for (const event of events) {
    for (const reactor of after.values()) {
      if (reactor.on !== event.kind || (reactor.when && !reactor.when(event))) continue;
      const row = await tx.reaction.create({ data: { reactor: reactor.name, event: serializeEvent(event), runAt: now }, select: { id: true } });
      ids.push(row.id);
    }
  }
  return ids;
}

/** Called once a command's transaction has committed. */
export function afterCommit(ids: number[]) {
  if (runAtOnce && ids.length) void runReactions(ids);
}

/**
 * In the server process: run reactions as soon as their change commits (without holding up the
 * request). Elsewhere (tests, scripts) they wait for runDueReactions().
 */
export function runReactionsAtOnce(on: boolean) {
  runAtOnce = on;
}

let active: Promise<unknown> = Promise.resolve();

/** Runs these reactions now (those another process has not taken). */
function runReactions(ids: number[]) {
  const run = (async () => {
    const rows = await prisma.reaction.findMany({ where: { id: { in: ids }, failedAt: null }, orderBy: { id: "asc" } });
    for (const row of rows) await runOne(row);
  })().catch((error: unknown) => console.error("Running reactions failed; they will be retried.", error));
  active = Promise.all([active, run]);
  return run;
}

/** Waits for reactions started at once to finish (for an orderly shutdown, and for tests). */
export async function settleReactions() {
  await active;
}

/** Runs every reaction that is due (the retries, and those whose process stopped). Returns how many succeeded. */
export async function runDueReactions(now = new Date(), limit = 100) {
  const rows = await prisma.reaction.findMany({
    where: { failedAt: null, runAt: { lte: now }, OR: [{ lockedUntil: null }, { lockedUntil: { lt: now } }] },
    orderBy: { id: "asc" },
    take: limit,
  });
  let done = 0;
  for (const row of rows) if (await runOne(row, now)) done++;
  return done;
}

type Row = { id: number; reactor: string; event: string; attempts: number };

async function runOne(row: Row, now = new Date()): Promise<boolean> {
  // Claim it: only one process runs a reaction at a time.
  const claimed = await prisma.reaction.updateMany({
    where: { id: row.id, failedAt: null, attempts: row.attempts, OR: [{ lockedUntil: null }, { lockedUntil: { lt: now } }] },
    data: { attempts: { increment: 1 }, lockedUntil: new Date(now.getTime() + LEASE_MS) },
  });
  if (claimed.count === 0) return false;
  const attempts = row.attempts + 1;
  const reactor = after.get(row.reactor);
  try {
    if (!reactor) throw new Error(`No reactor is registered as "${row.reactor}"`);
    await reactor.react(parseEvent(row.event));
    await prisma.reaction.deleteMany({ where: { id: row.id } });
    return true;
  } catch (error) {
    const givingUp = !reactor || attempts >= MAX_REACTION_ATTEMPTS;
    const message = (error instanceof Error ? error.message : String(error)).slice(0, 500);
    console.error(
      givingUp
        ? `Reactor ${row.reactor} failed on reaction ${row.id} (attempt ${attempts}); it is given up and kept with its error.`
        : `Reactor ${row.reactor} failed on reaction ${row.id} (attempt ${attempts}); it will be retried.`,
      error,
    );
    await prisma.reaction.updateMany({
      where: { id: row.id },
      data: { lockedUntil: null, lastError: message, runAt: new Date(now.getTime() + retryDelay(attempts)), failedAt: givingUp ? now : null },
    });
    return false;
  }
}
