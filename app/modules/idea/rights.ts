// What a person may do with an idea, in one place for the page (which buttons to show) and the
// commands (which refuse).
import { isClosedKind } from "~/modules/stage/kinds";
import type { Role } from "~/generated/prisma/enums";
import { can } from "~/utils/permissions";

type Person = { id: number; role: Role };
type IdeaState = { authorId: number; status: string; stage?: { kind: string } | null };

/** The author edits a draft, or an idea returned with a question. */
export const mayEdit = (user: Person, idea: IdeaState) =>
  idea.authorId === user.id && can(user, "idea:create") && (idea.status === "DRAFT" || idea.status === "NEEDS_INFO");

/** The author withdraws a draft, an idea returned with a question, or an active one not yet closed. */
export const mayWithdraw = (user: Person, idea: IdeaState) =>
  idea.authorId === user.id && (idea.status === "DRAFT" || idea.status === "NEEDS_INFO" || (idea.status === "ACTIVE" && !isClosedKind(idea.stage?.kind)));

/** Others say "I have this problem too" about a submitted idea (not one merged into another: its supporters are there now). */
export const maySupport = (user: Person, idea: IdeaState) =>
  idea.status !== "DRAFT" && idea.status !== "MERGED" && idea.authorId !== user.id && can(user, "idea:support");

/** Comments on a submitted idea; internal notes only from the lab. */
export const mayComment = (user: Person, idea: IdeaState, internal = false) =>
  idea.status !== "DRAFT" && can(user, "comment:create") && (!internal || can(user, "comment:internal"));
