// The command core: one transaction per command with its events; inside reactors commit or roll
// back with the change; after-commit reactors run only for what committed, and a failure there is
// logged and retried, not lost.
import { afterEach, describe, expect, test, vi } from "vitest";
import { command } from "~/core/command.server";
import { MAX_REACTION_ATTEMPTS, registerReactors, runDueReactions, runReactionsAtOnce, settleReactions, type AfterReactor } from "~/core/reactors.server";
import { fail, ok } from "~/core/result";
import type { DomainEvent } from "~/core/events";
import { moveIdea } from "~/modules/board/board.server";
import { addComment } from "~/modules/idea/idea.server";
import { runMailPass } from "~/modules/mail/jobs.server";
import { REACTORS } from "~/modules/system/reactors.server";
import { prisma } from "~/utils/db.server";
import { ideaInStage } from "../factories/idea";
import { startSmtp, type TestSmtp } from "../factories/smtp";
import { createUser } from "../factories/user";

let smtp: TestSmtp | null = null;
afterEach(async () => {
  runReactionsAtOnce(false);
  registerReactors(REACTORS);
  delete process.env.SMTP_URL;
  await smtp?.close();
  smtp = null;
});

/** An idea on the board whose earlier news was already e-mailed, with its author and a facilitator. */
async function scene() {
  const author = await createUser({ name: "Aija Autore" });
  const facilitator = await createUser({ role: "FACILITATOR" });
  const idea = await ideaInStage("discover", author.id, { title: "Atgriezta maiņa" });
  await prisma.notification.updateMany({ where: { mailedAt: null }, data: { mailedAt: new Date() } });
  await prisma.reaction.deleteMany();
  return { author, facilitator, idea };
}

const counts = async (ideaId: number) => ({
  events: await prisma.event.count({ where: { ideaId } }),
  stays: await prisma.stay.count({ where: { ideaId } }),
  notifications: await prisma.notification.count({ where: { ideaId } }),
  reactions: await prisma.reaction.count(),
});

describe("a change that rolls back", () => {
  // A command that moves the card and emits its event, and then finds a reason to refuse (or breaks).
  const moveThenRefuse = (how: "fail" | "throw") =>
    command<{ ideaId: number; toStageId: number }>({
      permission: "idea:move",
      async run({ tx, actor, emit }, { ideaId, toStageId }) {
        const idea = await tx.idea.findUniqueOrThrow({ where: { id: ideaId } });
        await tx.idea.update({ where: { id: ideaId }, data: { stageId: toStageId, version: { increment: 1 } } });
        await emit({ kind: "idea", type: "MOVED", ideaId, actorId: actor.id, fromStageId: idea.stageId, toStageId });
        if (how === "throw") throw new Error("The disk is full");
        return fail(409, "board:errors.conflict");
      },
    });

  test.each(["fail", "throw"] as const)("when the command ends with %s, leaves no row, event, stay, notification or e-mail", async (how) => {
    const { author, facilitator, idea } = await scene();
    smtp = await startSmtp();
    process.env.SMTP_URL = smtp.url;
    runReactionsAtOnce(true);
    const define = await prisma.stage.findUniqueOrThrow({ where: { key: "define" } });
    const before = await counts(idea.id);

    const attempt = moveThenRefuse(how)(facilitator, { ideaId: idea.id, toStageId: define.id });
    if (how === "throw") await expect(attempt).rejects.toThrow("The disk is full");
    else expect(await attempt).toMatchObject({ ok: false, status: 409, formErrors: ["board:errors.conflict"] });

    expect(await counts(idea.id)).toEqual(before);
    expect(await prisma.idea.findUniqueOrThrow({ where: { id: idea.id } })).toMatchObject({ stageId: idea.stageId, version: idea.version });
    await settleReactions();
    await runDueReactions();
    await runMailPass();
    expect(smtp.received.filter((m) => m.subject?.includes("Atgriezta maiņa"))).toEqual([]);
    expect(await prisma.outboxMessage.count({ where: { userId: author.id } })).toBe(0);
  });

  test("the same move, committed, is e-mailed at once: the nudge runs after the commit, with no delay", async () => {
    const { author, facilitator, idea } = await scene();
    smtp = await startSmtp();
    process.env.SMTP_URL = smtp.url;
    runReactionsAtOnce(true);
    expect((await moveIdea(facilitator, { ideaId: idea.id, version: idea.version, stage: "define" })).ok).toBe(true);
    await settleReactions();
    const mails = smtp.received.filter((m) => m.to && !Array.isArray(m.to) && m.to.value[0].address === author.email);
    expect(mails.map((m) => m.subject)).toEqual(["Jūsu ideja pārvietota uz citu posmu: Atgriezta maiņa"]);
    expect(await prisma.reaction.count()).toBe(0);
  });
});

describe("a reactor that fails after the commit", () => {
  test("is logged and retried with its event until it succeeds; the change itself stands", async () => {
    const seen: DomainEvent[] = [];
    let failuresLeft = 1;
    const flaky: AfterReactor<"idea"> = {
      name: "test.flaky",
      on: "idea",
      phase: "after",
      when: (event) => event.type === "COMMENTED",
      async react(event) {
        seen.push(event);
        if (failuresLeft-- > 0) throw new Error("The webhook's server is down");
      },
    };
    registerReactors([...REACTORS, flaky]);
    const { facilitator, idea } = await scene();
    const errors = vi.spyOn(console, "error").mockImplementation(() => undefined);

    const commented = await addComment(facilitator, { ideaId: idea.id, body: "Vai runājāt ar lietotājiem?", internal: false });
    expect(commented.ok).toBe(true);
    const [row] = await prisma.reaction.findMany();
    expect(row).toMatchObject({ reactor: "test.flaky", attempts: 0, failedAt: null });

    const now = new Date();
    expect(await runDueReactions(now)).toBe(0);
    expect(errors).toHaveBeenCalledWith(expect.stringContaining("Reactor test.flaky failed on reaction"), expect.any(Error));
    const failed = await prisma.reaction.findUniqueOrThrow({ where: { id: row.id } });
    expect(failed).toMatchObject({ attempts: 1, lastError: "The webhook's server is down", lockedUntil: null, failedAt: null });
    expect(failed.runAt.getTime()).toBeGreaterThan(now.getTime());
    // The comment committed regardless.
    expect(await prisma.comment.count({ where: { ideaId: idea.id } })).toBe(1);

    // Not due yet: nothing runs. Once due, it runs again with the same event, and is done.
    expect(await runDueReactions(now)).toBe(0);
    expect(await runDueReactions(new Date(failed.runAt.getTime() + 1))).toBe(1);
    expect(await prisma.reaction.count()).toBe(0);
    expect(seen).toHaveLength(2);
    expect(seen[1]).toEqual(seen[0]);
    expect(seen[0]).toMatchObject({ kind: "idea", type: "COMMENTED", ideaId: idea.id, actorId: facilitator.id });
    expect(seen[0].at).toBeInstanceOf(Date);
    errors.mockRestore();
  });

  test(`is given up after ${MAX_REACTION_ATTEMPTS} attempts and kept, with its error, for someone to look at`, async () => {
    registerReactors([
      ...REACTORS,
      {
        name: "test.broken",
        on: "idea",
        phase: "after",
        when: (e) => e.type === "COMMENTED",
        react: () => Promise.reject(new Error("Always broken")),
      } satisfies AfterReactor<"idea">,
    ]);
    const { facilitator, idea } = await scene();
    const errors = vi.spyOn(console, "error").mockImplementation(() => undefined);
    await addComment(facilitator, { ideaId: idea.id, body: "Vēl viens komentārs.", internal: false });
    let clock = Date.now();
    for (let i = 0; i < MAX_REACTION_ATTEMPTS + 3; i++) {
      clock += 2 * 3_600_000;
      await runDueReactions(new Date(clock));
    }
    const [kept] = await prisma.reaction.findMany();
    expect(kept).toMatchObject({ reactor: "test.broken", attempts: MAX_REACTION_ATTEMPTS, lastError: "Always broken" });
    expect(kept.failedAt).not.toBeNull();
    expect(errors).toHaveBeenLastCalledWith(expect.stringContaining("it is given up and kept with its error"), expect.any(Error));
    errors.mockRestore();
  });
});

describe("commands", () => {
  test("check their permission before anything else, and refuse with 403", async () => {
    const submitter = await createUser();
    const refused = await moveIdea(submitter, { ideaId: 1, version: 1, stage: "define" });
    expect(refused).toEqual({ ok: false, status: 403, formErrors: [], fieldErrors: {} });
  });

  test("return ok with their value", async () => {
    const echo = command<{ n: number }, number>({ permission: null, run: async (_ctx, { n }) => ok(n * 2) });
    expect(await echo(await createUser(), { n: 21 })).toEqual({ ok: true, value: 42 });
  });
});
