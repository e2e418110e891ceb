// A busy app for the backup tests: ideas written one after another through the app's own command.
import { submittedIdea } from "./idea";

/** Keeps writing ideas through the app's own command until stopped; `acknowledged` holds each id once its command returned. */
export function burstOfWrites(authorId: number) {
  const acknowledged: number[] = [];
  let stopped = false;
  let failed: unknown = null;
  const done = (async () => {
    while (!stopped) {
      acknowledged.push(await submittedIdea(authorId, { title: `Ideja no rakstīšanas brāzmas ${acknowledged.length + 1}` }));
      // As requests arrive at a server: each one a task of its own. (The commands themselves may
      // finish without ever leaving the microtask queue, which would starve everything else.)
      await new Promise((resolve) => setImmediate(resolve));
    }
  })().catch((error: unknown) => {
    failed = error;
  });
  const until = async (count: number) => {
    while (acknowledged.length < count) {
      if (failed) throw failed;
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
  };
  return {
    acknowledged,
    until,
    stop: async () => {
      stopped = true;
      await done;
      if (failed) throw failed;
    },
  };
}
