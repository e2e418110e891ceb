import { prisma } from "~/utils/db.server";
import { foldForSearch } from "~/utils/text";

let counter = 0;

/** An idea on the board in the given stage, at the end of its column. */
export async function ideaInStage(stageKey: string, authorId: number, overrides: { title?: string; institutionCode?: string } = {}) {
  const stage = await prisma.stage.findUniqueOrThrow({ where: { key: stageKey } });
  const institution = await prisma.institution.findUniqueOrThrow({ where: { code: overrides.institutionCode ?? "UR" } });
  const last = await prisma.idea.findFirst({ where: { stageId: stage.id }, orderBy: { position: "desc" } });
  const title = overrides.title ?? `Tāfeles ideja ${++counter}`;
  return prisma.idea.create({
    data: {
      title,
      summary: "Īsumā.",
      usersAffected: "Lietotāji.",
      problem: "Problēma.",
      evidence: "Pierādījumi.",
      solution: "Risinājums.",
      searchText: foldForSearch(title),
      status: "ACTIVE",
      stageId: stage.id,
      position: (last?.position ?? 0) + 1024,
      authorId,
      institutionId: institution.id,
      submittedAt: new Date(),
      stageEnteredAt: new Date(),
    },
  });
}

export async function column(stageKey: string) {
  return prisma.idea.findMany({
    where: { stage: { key: stageKey } },
    orderBy: [{ position: "asc" }, { id: "asc" }],
    select: { id: true, position: true, version: true },
  });
}

/** A completed experiment whose result is validated: what the scale and implemented gates ask for. */
export function validatedExperiment(ideaId: number, createdById: number, overrides: Record<string, unknown> = {}) {
  return prisma.experiment.create({
    data: {
      ideaId,
      createdById,
      hypothesis: "Mēs uzskatām, ka atzvanīšana samazinās rindas.",
      method: "Divas nedēļas izmēģinām vienā nodaļā.",
      methodType: "PILOT",
      metric: "Neatbildēto zvanu skaits.",
      successCriterion: "Par 20 % mazāk neatbildētu zvanu.",
      status: "COMPLETED",
      observed: "Neatbildēto zvanu skaits samazinājās par 35 %.",
      learned: "Cilvēki labprāt gaida atzvanu, ja zina laiku.",
      result: "VALIDATED",
      evidenceStrength: "MEDIUM",
      decision: "SCALE",
      completedAt: new Date(),
      ...overrides,
    },
  });
}
