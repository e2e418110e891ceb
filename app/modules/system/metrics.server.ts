// The app's gauges that are read when Prometheus asks (/metrics: server/metrics.js): the mail queue
// (what waits in the outbox for the mail job, and how long the oldest has waited) and the database
// pool (PostgreSQL's connections; nothing on SQLite, which has no pool). The counters of the
// background jobs are app/utils/metrics.server.ts's. This registry is what the build's entry hands
// the server.
import { Gauge } from "prom-client";
import { outboxBacklog } from "~/modules/mail/outbox.server";
import { poolStats } from "~/utils/db.server";
import { metricsRegistry } from "~/utils/metrics.server";

export { metricsRegistry };

/** One read of the outbox for both gauges of a scrape (they are collected together). */
let reading: ReturnType<typeof outboxBacklog> | null = null;
function backlog() {
  reading ??= outboxBacklog().finally(() => {
    reading = null;
  });
  return reading;
}

new Gauge({
  name: "idealab_mail_queue_length",
  help: "E-mails waiting in the outbox for the mail job to send (status PENDING).",
  registers: [metricsRegistry],
  async collect() {
    this.set((await backlog()).pending);
  },
});

new Gauge({
  name: "idealab_mail_queue_oldest_age_seconds",
  help: "How long the oldest e-mail waiting in the outbox has waited, in seconds (0 when none waits).",
  registers: [metricsRegistry],
  async collect() {
    const { oldestCreatedAt } = await backlog();
    this.set(oldestCreatedAt ? Math.max(0, (Date.now() - oldestCreatedAt.getTime()) / 1000) : 0);
  },
});

new Gauge({
  name: "idealab_db_pool_connections",
  help: "PostgreSQL connections this process holds, by state: busy (running a query or transaction) or idle. None on SQLite.",
  labelNames: ["state"],
  registers: [metricsRegistry],
  collect() {
    this.reset();
    const stats = poolStats();
    if (!stats) return;
    this.set({ state: "busy" }, stats.total - stats.idle);
    this.set({ state: "idle" }, stats.idle);
  },
});

new Gauge({
  name: "idealab_db_pool_waiting",
  help: "Queries of this process waiting for a free PostgreSQL connection (0 on SQLite, which has no pool).",
  registers: [metricsRegistry],
  collect() {
    this.set(poolStats()?.waiting ?? 0);
  },
});
