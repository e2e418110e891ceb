import { prisma } from "~/utils/db.server";

/** A column's cards in order. */
export async function column(stageKey: string) {
  return prisma.idea.findMany({
    where: { stage: { key: stageKey } },
    orderBy: [{ position: "asc" }, { id: "asc" }],
    select: { id: true, position: true, version: true },
  });
}
