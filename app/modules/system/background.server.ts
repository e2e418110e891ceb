// Background work of the server process: the reactions after each commit (and their retries),
// the mail job, and an hourly sweep of rows that have served their purpose (expired sessions;
// sign-in attempts older than the throttle window, which the audit log keeps anyway).
// Every process of a deployment runs it; each piece claims its work, so nothing runs twice.
import { runDueReactions, runReactionsAtOnce, settleReactions } from "~/core/reactors.server";
import { startMailJobs } from "~/modules/mail/jobs.server";
import { THROTTLE_WINDOW_MS } from "~/modules/user/sign-in.server";
import { runAlone } from "~/utils/locks.server";
import { type Job, runJob } from "~/utils/metrics.server";
import "./reactors.server";

const HOUR_MS = 3_600_000;
/** How often reactions that failed (or whose process stopped) are tried again. */
export const REACTION_SWEEP_MS = 15_000;

/**
 * Deletes expired sessions and sign-in attempts older than the throttle's window. Every process
 * runs the hourly sweep, but one at a time does it (runAlone): null when another process is at it.
 */
export async function pruneExpired(now = new Date()) {
  return runAlone("housekeeping:prune", async (tx) => {
    const sessions = await tx.session.deleteMany({ where: { expiresAt: { lt: now } } });
    const attempts = await tx.loginAttempt.deleteMany({ where: { createdAt: { lt: new Date(now.getTime() - THROTTLE_WINDOW_MS) } } });
    // Sign-ins sent to a provider that never came back.
    const requests = await tx.signInRequest.deleteMany({ where: { expiresAt: { lt: now } } });
    return { sessions: sessions.count, attempts: attempts.count, signInRequests: requests.count };
  });
}

/**
 * Runs `work` now and every `ms`, each run counted in the metrics under `job`. Returns a function
 * that stops it: no run starts after it is called, and its promise settles when the runs under way have.
 */
export function every(job: Job, ms: number, work: () => Promise<unknown>, failure: string) {
  const underway = new Set<Promise<void>>();
  const run = () => {
    const pass = runJob(job, work)
      .then(() => undefined)
      .catch((error: unknown) => {
        console.error(failure, error);
      })
      .finally(() => underway.delete(pass));
    underway.add(pass);
  };
  run();
  const timer = setInterval(run, ms);
  timer.unref?.();
  return async () => {
    clearInterval(timer);
    await Promise.all(underway);
  };
}

/**
 * Starts the background work in this process; returns a function that stops it (server/shutdown.js
 * calls it on SIGTERM): nothing new starts once it is called, and the promise it returns settles when
 * the work under way (a mail pass, a sweep, the reactions running) has ended.
 */
export function startBackgroundJobs() {
  runReactionsAtOnce(true);
  const stops = [
    every("reactions", REACTION_SWEEP_MS, () => runDueReactions(), "Retrying reactions failed; it will try again."),
    startMailJobs(),
    every("housekeeping", HOUR_MS, () => pruneExpired(), "Pruning expired sessions failed; it will try again."),
  ];
  return async () => {
    runReactionsAtOnce(false);
    await Promise.all(stops.map((stop) => stop()));
    await settleReactions();
  };
}
