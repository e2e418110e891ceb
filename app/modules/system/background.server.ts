// Background work of the server process: the reactions after each commit (and their retries),
// the mail job, and an hourly sweep of rows that have served their purpose (expired sessions;
// sign-in attempts older than the throttle window, which the audit log keeps anyway).
// Every process of a deployment runs it; each piece claims its work, so nothing runs twice.
import { runDueReactions, runReactionsAtOnce, settleReactions } from "~/core/reactors.server";
import { startMailJobs } from "~/modules/mail/jobs.server";
import { THROTTLE_WINDOW_MS } from "~/modules/user/sign-in.server";
import { prisma } from "~/utils/db.server";
import "./reactors.server";

const HOUR_MS = 3_600_000;
/** How often reactions that failed (or whose process stopped) are tried again. */
export const REACTION_SWEEP_MS = 15_000;

export async function pruneExpired(now = new Date()) {
  const [sessions, attempts] = await Promise.all([
    prisma.session.deleteMany({ where: { expiresAt: { lt: now } } }),
    prisma.loginAttempt.deleteMany({ where: { createdAt: { lt: new Date(now.getTime() - THROTTLE_WINDOW_MS) } } }),
  ]);
  return { sessions: sessions.count, attempts: attempts.count };
}

function every(ms: number, work: () => Promise<unknown>, failure: string) {
  const run = () =>
    work().catch((error: unknown) => {
      console.error(failure, error);
    });
  void run();
  const timer = setInterval(run, ms);
  timer.unref?.();
  return () => clearInterval(timer);
}

/** Starts the background work in this process; returns a function that stops it. */
export function startBackgroundJobs() {
  runReactionsAtOnce(true);
  const stops = [
    every(REACTION_SWEEP_MS, () => runDueReactions(), "Retrying reactions failed; it will try again."),
    startMailJobs(),
    every(HOUR_MS, () => pruneExpired(), "Pruning expired sessions failed; it will try again."),
  ];
  return async () => {
    runReactionsAtOnce(false);
    for (const stop of stops) stop();
    await settleReactions();
  };
}
