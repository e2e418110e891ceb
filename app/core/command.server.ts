// The one way to change anything: a command. Running one
//   1. checks the permission the command names (403 without it), then runs its `prepare` step, if
//      any, outside the transaction (slow work such as hashing a password, or reads that decide
//      whether to go on), so the transaction stays short,
//   2. opens a transaction and runs the command's body, which writes the change and emits its
//      events; each event goes through the inside reactors at once, in the same transaction,
//   3. rolls everything back when the body returns a failure (or throws), so a refused command
//      leaves no trace: no row, no event, no notification, no e-mail,
//   4. writes the after-commit reactions, commits, and hands them to the reactor runner.
// Every command returns a Result (result.ts); routes answer it through one adapter (form.server.ts).
import type { Role } from "~/generated/prisma/enums";
import { prisma, type Tx } from "~/utils/db.server";
import { can, type Permission } from "~/utils/permissions";
import type { DomainEvent, NewEvent } from "./events";
import { afterCommit, assertRegistered, reactInside, recordReactions } from "./reactors.server";
import { fail, type Failure, type Result } from "./result";

/** Whoever runs a command: a signed-in person (a SessionUser is one). */
export type Actor = { id: number; role: Role };

export type CommandContext<A extends Actor | null = Actor> = {
  tx: Tx;
  actor: A;
  /** The moment of the command: every row and event it writes carries it. */
  now: Date;
  /** Emits an event: its inside reactors run now, its after-commit reactors once the change commits. */
  emit: (event: NewEvent) => Promise<void>;
};

type CommandSpec<I, O, A extends Actor | null, P> = {
  /** The permission the actor needs; null for a command anyone may try (signing in, say). */
  permission: Permission | null;
  /**
   * A refusal that is itself a record (a failed sign-in) commits what the body wrote; otherwise a
   * failure rolls everything back.
   */
  commitFailures?: boolean;
  /** Work before the transaction; a failure ends the command there. */
  prepare?: (actor: A, input: I) => Promise<Result<P>>;
  run: (ctx: CommandContext<A>, input: I, prepared: P) => Promise<Result<O>>;
  /**
   * Turns an error the transaction threw into a result, when the command knows it (two requests
   * racing to insert the same unique key, say); undefined lets it through.
   */
  recover?: (error: unknown, input: I, actor: A) => Promise<Result<O> | undefined>;
};

export type Command<I, O, A extends Actor | null = Actor> = (actor: A, input: I) => Promise<Result<O>>;

class Rollback extends Error {
  constructor(readonly failure: Failure) {
    super("The command failed; its transaction is rolled back.");
  }
}

/**
 * How long a command may wait for a connection and then take in all. Commands that change one
 * column of the board take turns (decision 0004), so under a burst of moves into one column a
 * transaction may wait for the ones before it; Prisma's default five seconds would end it.
 */
export const TRANSACTION_LIMITS = { maxWait: 10_000, timeout: 20_000 };

export function command<I, O = undefined, A extends Actor | null = Actor, P = undefined>(spec: CommandSpec<I, O, A, P>): Command<I, O, A> {
  return async (actor, input) => {
    assertRegistered();
    if (spec.permission && !can(actor, spec.permission)) return fail(403);
    let prepared = undefined as P;
    if (spec.prepare) {
      const outcome = await spec.prepare(actor, input);
      if (!outcome.ok) return outcome;
      prepared = outcome.value;
    }
    const now = new Date();
    let reactions: number[] = [];
    try {
      const result = await prisma.$transaction(async (tx) => {
        const emitted: DomainEvent[] = [];
        const emit = async (event: NewEvent) => {
          const full = { ...event, at: event.at ?? now } as DomainEvent;
          emitted.push(full);
          await reactInside(tx, full, emit);
        };
        const outcome = await spec.run({ tx, actor, now, emit }, input, prepared);
        if (!outcome.ok && !spec.commitFailures) throw new Rollback(outcome);
        reactions = await recordReactions(tx, emitted, now);
        return outcome;
      }, TRANSACTION_LIMITS);
      afterCommit(reactions);
      return result;
    } catch (error) {
      if (error instanceof Rollback) return error.failure;
      const recovered = spec.recover ? await spec.recover(error, input, actor) : undefined;
      if (recovered) return recovered;
      throw error;
    }
  };
}
