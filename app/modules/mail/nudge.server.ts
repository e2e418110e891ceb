// When someone asked to hear of something at once, the mail job runs a pass as soon as the change
// has committed, instead of waiting for its next minute. An after-commit reactor: it never runs for
// a change that rolled back, and a pass that fails is retried (and the minute's pass catches up anyway).
import type { AfterReactor } from "~/core/reactors.server";
import { runMailPass } from "./jobs.server";

export const mailNudgeReactor: AfterReactor<"notified"> = {
  name: "mail.nudge",
  on: "notified",
  phase: "after",
  when: (event) => event.instant,
  async react() {
    await runMailPass();
  },
};
