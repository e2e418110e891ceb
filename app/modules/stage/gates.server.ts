// What a stage's gate asks before an idea may enter it, checked for every way of moving a card.
import type { Tx } from "~/utils/db.server";
import { gateRule } from "./gates";

/** What is missing to enter the stage, with where to fix it; null when nothing is. */
export async function missingForGate(tx: Tx, ideaId: number, stageKey: string): Promise<{ message: string; link: string } | null> {
  const rule = gateRule(stageKey);
  if (rule === "test") {
    const designed = await tx.experiment.count({ where: { ideaId, hypothesis: { not: "" }, metric: { not: "" }, successCriterion: { not: "" } } });
    return designed > 0 ? null : { message: "board:gates.test", link: `/ideas/${ideaId}/experiments/new` };
  }
  if (rule === "validated") {
    const validated = await tx.experiment.count({ where: { ideaId, status: "COMPLETED", result: "VALIDATED" } });
    return validated > 0 ? null : { message: "board:gates.validated", link: `/ideas/${ideaId}#experiments` };
  }
  if (rule === "learning") {
    const unlearned = await tx.experiment.count({
      where: { ideaId, status: { in: ["RUNNING", "COMPLETED"] }, OR: [{ learned: null }, { learned: "" }] },
    });
    return unlearned === 0 ? null : { message: "board:gates.learning", link: `/ideas/${ideaId}#experiments` };
  }
  return null;
}
