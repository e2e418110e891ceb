// The app's Prometheus metrics, beside the server's (server/metrics.js serves both at /metrics):
// the background jobs' runs and failures here, and gauges read when Prometheus asks
// (app/modules/system/metrics.server.ts: the mail queue, the database pool).
import { Counter, Gauge, Registry } from "prom-client";

export const metricsRegistry = new Registry();

/** The background jobs: the mail job's passes, the hourly housekeeping sweep, the reactions' retry sweep. */
export const JOBS = ["mail", "housekeeping", "reactions"] as const;
export type Job = (typeof JOBS)[number];

const runs = new Counter({
  name: "idealab_job_runs_total",
  help: "Runs of a background job started in this process.",
  labelNames: ["job"],
  registers: [metricsRegistry],
});
const failures = new Counter({
  name: "idealab_job_failures_total",
  help: "Runs of a background job that failed (they are tried again on the next run).",
  labelNames: ["job"],
  registers: [metricsRegistry],
});
const lastSuccess = new Gauge({
  name: "idealab_job_last_success_timestamp_seconds",
  help: "When a background job last finished without error in this process (Unix time; 0: not yet).",
  labelNames: ["job"],
  registers: [metricsRegistry],
});
// Every job's series exist from the start, so a rate or an alert has a zero to begin from.
for (const job of JOBS) {
  runs.inc({ job }, 0);
  failures.inc({ job }, 0);
  lastSuccess.set({ job }, 0);
}

/** Runs one pass of a background job, counted: a run, and a failure when it throws (the error goes on to the caller). */
export async function runJob<T>(job: Job, work: () => Promise<T>): Promise<T> {
  runs.inc({ job });
  try {
    const result = await work();
    lastSuccess.set({ job }, Date.now() / 1000);
    return result;
  } catch (error) {
    failures.inc({ job });
    throw error;
  }
}
