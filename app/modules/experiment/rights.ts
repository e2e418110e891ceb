// Who may record an idea's experiments, for the idea page's links and the commands that refuse.
import type { Role } from "~/generated/prisma/enums";
import { can } from "~/utils/permissions";

type IdeaForRights = { authorId: number; status: string; stage: { kind: string } | null };

/** Facilitators and admins on any idea on the board; the author while the idea is in a work stage. */
export function mayRecordExperiments(user: { id: number; role: Role }, idea: IdeaForRights) {
  if (idea.status !== "ACTIVE" || !idea.stage) return false;
  if (can(user, "experiment:manage")) return true;
  return idea.authorId === user.id && can(user, "idea:create") && idea.stage.kind === "WORK";
}
