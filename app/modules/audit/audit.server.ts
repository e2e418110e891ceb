// The audit log: every administrative change and every sign-in, success or failure. A reactor:
// each audit event becomes an entry in the same transaction as the change it records.
import type { InsideReactor } from "~/core/reactors.server";
import { requestContext } from "~/utils/request-context.server";

const json = (value: unknown) => (value === undefined ? null : JSON.stringify(value));

export const auditReactor: InsideReactor<"audit"> = {
  name: "audit.log",
  on: "audit",
  phase: "inside",
  async react(event, { tx }) {
    await tx.auditEntry.create({
      data: {
        actorId: event.actorId,
        action: event.action,
        targetType: event.targetType ?? null,
        targetId: event.targetId === undefined ? null : String(event.targetId),
        before: json(event.before),
        after: json(event.after),
        // The address of the request that made the change, when the event does not name one.
        ip: event.ip ?? requestContext()?.ip ?? null,
        createdAt: event.at,
      },
    });
  },
};
