// The audit log: every administrative change and every sign-in, success or failure.
import type { Prisma } from "~/generated/prisma/client";
import { prisma } from "~/utils/db.server";
import type { AuditAction } from "./audit";

type Writer = { auditEntry: Prisma.TransactionClient["auditEntry"] };

export async function audit(
  entry: { actorId: number | null; action: AuditAction; targetType?: string; targetId?: string | number; before?: unknown; after?: unknown; ip?: string },
  db: Writer = prisma,
) {
  await db.auditEntry.create({
    data: {
      actorId: entry.actorId,
      action: entry.action,
      targetType: entry.targetType ?? null,
      targetId: entry.targetId === undefined ? null : String(entry.targetId),
      before: entry.before === undefined ? null : JSON.stringify(entry.before),
      after: entry.after === undefined ? null : JSON.stringify(entry.after),
      ip: entry.ip ?? null,
    },
  });
}
