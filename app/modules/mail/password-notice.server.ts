// A person is told by e-mail when their password changes (on /account, or with a set-password link),
// so that a change they did not make does not go unnoticed. The message is written to the outbox in
// the change's own transaction (it is never lost, and never sent for a change that rolled back), and
// sent as soon as the change has committed instead of at the mail job's next minute.
import type { AfterReactor, InsideReactor } from "~/core/reactors.server";
import { composePasswordChanged } from "./compose.server";
import { mailConfig } from "./config.server";
import { runMailPass } from "./jobs.server";
import { enqueue } from "./outbox.server";

export const passwordNoticeReactor: InsideReactor<"passwordChanged"> = {
  name: "mail.passwordNotice",
  on: "passwordChanged",
  phase: "inside",
  async react(event, { tx }) {
    const person = await tx.user.findUnique({ where: { id: event.userId }, select: { id: true, email: true, name: true, locale: true } });
    if (!person) return;
    const mail = await composePasswordChanged(person, event);
    // Sent by the mail job's passes like the "at once" notifications (the outbox has no kind of its own for notices).
    await enqueue(tx, { userId: person.id, to: person.email, locale: mail.locale, kind: "INSTANT", subject: mail.subject, text: mail.text });
  },
};

export const passwordNoticeSendReactor: AfterReactor<"passwordChanged"> = {
  name: "mail.passwordNoticeSend",
  on: "passwordChanged",
  phase: "after",
  // Without SMTP the notice is kept as not sent, and there is nothing to send.
  when: () => !!mailConfig().smtpUrl,
  async react() {
    await runMailPass();
  },
};
