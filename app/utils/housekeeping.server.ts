// Background work of the server process: the mail job, and an hourly sweep of rows that have
// served their purpose (expired sessions; sign-in attempts older than the throttle window, which
// the audit log keeps anyway).
import { startMailJobs } from "~/modules/mail/jobs.server";
import { THROTTLE_WINDOW_MS } from "./auth.server";
import { prisma } from "./db.server";

const HOUR_MS = 3_600_000;

export async function pruneExpired(now = new Date()) {
  const [sessions, attempts] = await Promise.all([
    prisma.session.deleteMany({ where: { expiresAt: { lt: now } } }),
    prisma.loginAttempt.deleteMany({ where: { createdAt: { lt: new Date(now.getTime() - THROTTLE_WINDOW_MS) } } }),
  ]);
  return { sessions: sessions.count, attempts: attempts.count };
}

/** Starts the background work in this process; returns a function that stops it. */
export function startBackgroundJobs() {
  const stopMail = startMailJobs();
  const sweep = () =>
    pruneExpired().catch((error: unknown) => {
      console.error("Pruning expired sessions failed; it will try again.", error);
    });
  void sweep();
  const timer = setInterval(sweep, HOUR_MS);
  timer.unref?.();
  return () => {
    clearInterval(timer);
    stopMail();
  };
}
