import type { SessionUser } from "~/utils/auth.server";
import { prisma } from "~/utils/db.server";
import { httpError } from "~/utils/http.server";
import { can } from "~/utils/permissions";
import { audit } from "~/modules/audit/audit.server";

import { gateRule } from "./gates";

export async function setStageGate(user: SessionUser, stageKey: string, enabled: boolean) {
  if (!can(user, "admin:stages")) httpError(403);
  if (!gateRule(stageKey)) httpError(400);
  const stage = await prisma.stage.findUnique({ where: { key: stageKey } });
  if (!stage) httpError(404);
  await prisma.$transaction(async (tx) => {
    await tx.stage.update({ where: { id: stage.id }, data: { gateEnabled: enabled } });
    await audit({ actorId: user.id, action: "stage.gate", targetType: "stage", targetId: stage.key, before: { gateEnabled: stage.gateEnabled }, after: { gateEnabled: enabled } }, tx);
  });
}
