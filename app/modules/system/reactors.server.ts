// The composition root of the reactors: importing this module registers them, in the order the
// inside ones run. The server's entry module, the scripts and the test setup import it at start-up.
import { registerReactors } from "~/core/reactors.server";
import { auditReactor } from "~/modules/audit/audit.server";
import { stageCountReactor } from "~/modules/board/stage-counts.server";
import { flowReactor } from "~/modules/dashboard/flow.server";
import { historyReactor } from "~/modules/idea/history.server";
import { mailNudgeReactor } from "~/modules/mail/nudge.server";
import { passwordNoticeReactor, passwordNoticeSendReactor } from "~/modules/mail/password-notice.server";
import { notificationReactor } from "~/modules/notification/notify.server";

/** The app's reactors: inside the transaction first (in this order), then after the commit. */
export const REACTORS = [
  historyReactor,
  flowReactor,
  stageCountReactor,
  notificationReactor,
  auditReactor,
  passwordNoticeReactor,
  mailNudgeReactor,
  passwordNoticeSendReactor,
];

registerReactors(REACTORS);
