// A nudge for the mail job: when something should go out at once, run a pass shortly instead of
// waiting for the next tick. Does nothing until the server process has started the job.
let runner: (() => Promise<unknown>) | null = null;
let timer: ReturnType<typeof setTimeout> | null = null;

export function setMailRunner(fn: (() => Promise<unknown>) | null) {
  runner = fn;
  if (!fn && timer) {
    clearTimeout(timer);
    timer = null;
  }
}

/** Runs a pass in about two seconds (after the caller's transaction has committed); several nudges make one pass. */
export function scheduleMailSoon(delayMs = 2_000) {
  if (!runner || timer) return;
  timer = setTimeout(() => {
    timer = null;
    void runner?.();
  }, delayMs);
  timer.unref?.();
}
