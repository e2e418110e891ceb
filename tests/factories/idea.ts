// Ideas as the app makes them: through its commands, so every idea on the board has its events,
// its stays and its notifications, and every experiment its events.
import { createExperiment } from "~/modules/experiment/experiment.server";
import type { ExperimentValue } from "~/modules/experiment/experiment.schema";
import { acceptIdea, moveIdea } from "~/modules/board/board.server";
import { createIdea } from "~/modules/idea/idea.server";
import { IdeaFormSchema } from "~/modules/idea/idea.schema";
import { gateRule } from "~/modules/stage/gates";
import { prisma } from "~/utils/db.server";
import { createUser } from "./user";

/** A complete brief, as the form posts it. */
export function fullBrief(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    intent: "submit",
    title: "Vienkāršāka pieteikšanās ģimenes ārsta apmeklējumam",
    summary: "Iedzīvotāji piesakās vizītei vienā solī, nevis zvanot vairākas reizes.",
    usersAffected: "Pacienti laukos, īpaši seniori ar ierobežotu interneta pieredzi.",
    problem: "Zvanot uz reģistratūru, pacienti gaida rindā līdz 40 minūtēm.",
    evidence: "Intervējām 12 pacientus; 9 no viņiem minēja zvanu rindas.",
    usersTalkedTo: "12",
    solution: "Atzvanīšanas pakalpojums: pacients atstāj numuru, reģistratūra atzvana.",
    expectedValue: "Mazāk neatbildētu zvanu, apmierinātāki pacienti.",
    firstTest: "Divas nedēļas vienā praksē ar papīra sarakstu.",
    partners: "Ģimenes ārstu asociācija, pašvaldība.",
    principles: "partner",
    ...overrides,
  };
}

/** URLSearchParams from fields, with repeated keys for arrays (principles). */
export function formBody(fields: Record<string, string | string[]>) {
  const body = new URLSearchParams();
  for (const [key, value] of Object.entries(fields)) {
    for (const v of Array.isArray(value) ? value : [value]) body.append(key, v);
  }
  return body;
}

type Actor = Awaited<ReturnType<typeof createUser>>;
const expectOk = <T>(result: { ok: true; value: T } | { ok: false }, what: string): T => {
  if (!result.ok) throw new Error(`The factory could not ${what}: ${JSON.stringify(result)}`);
  return result.value;
};

let labFacilitator: Promise<Actor> | undefined;
/** The facilitator who moves the factories' ideas (one per test file). */
export const facilitator = () => (labFacilitator ??= createUser({ role: "FACILITATOR", name: "Fabrikas Fasilitatore" }));

let ideaCount = 0;

/**
 * A submitted idea (in the intake column), written by `authorId` through the new-idea form's command.
 * `brief` replaces answers of the full brief (`fullBrief`), as the form would post them.
 */
export async function submittedIdea(
  authorId: number,
  overrides: { title?: string; institutionCode?: string; principles?: string[]; brief?: Record<string, string> } = {},
) {
  const author = await prisma.user.findUniqueOrThrow({ where: { id: authorId } });
  const institution = await prisma.institution.findUniqueOrThrow({ where: { code: overrides.institutionCode ?? "UR" } });
  const value = IdeaFormSchema.parse({
    ...fullBrief({ ...overrides.brief, title: overrides.title ?? `Tāfeles ideja ${++ideaCount}` }),
    usersTalkedTo: 12,
    principles: overrides.principles ?? ["partner"],
    institutionId: institution.id,
  });
  return expectOk(await createIdea(author, value), "submit an idea").id;
}

/** A draft, as the new-idea form saves one. */
export async function draftIdea(authorId: number, title = "Melnraksts, ko redz tikai autors") {
  const author = await prisma.user.findUniqueOrThrow({ where: { id: authorId } });
  const value = IdeaFormSchema.parse({ intent: "draft", title, institutionId: author.institutionId });
  return expectOk(await createIdea(author, value), "save a draft").id;
}

/** An experiment recorded by the factories' facilitator through the experiment form's command. */
export async function recordExperiment(ideaId: number, overrides: Partial<ExperimentValue> = {}) {
  const value: ExperimentValue = {
    hypothesis: "Mēs uzskatām, ka atzvanīšana samazinās rindas.",
    method: "Divas nedēļas izmēģinām vienā nodaļā.",
    methodType: "PILOT",
    metric: "Neatbildēto zvanu skaits.",
    successCriterion: "Par 20 % mazāk neatbildētu zvanu.",
    status: "PLANNED",
    ...overrides,
  };
  return expectOk(await createExperiment(await facilitator(), { ideaId, value }), "record an experiment").experimentId;
}

/** A completed experiment whose result is validated: what the scale and implemented gates ask for. */
export function validatedExperiment(ideaId: number, overrides: Partial<ExperimentValue> = {}) {
  return recordExperiment(ideaId, {
    status: "COMPLETED",
    observed: "Neatbildēto zvanu skaits samazinājās par 35 %.",
    learned: "Cilvēki labprāt gaida atzvanu, ja zina laiku.",
    result: "VALIDATED",
    evidenceStrength: "MEDIUM",
    decision: "SCALE",
    ...overrides,
  });
}

/** What the gate of `stageKey` asks for, recorded as a facilitator would. */
async function passGate(ideaId: number, stageKey: string) {
  const rule = gateRule(stageKey);
  const experiments = await prisma.experiment.findMany({ where: { ideaId } });
  if (rule === "test" && experiments.length === 0) await recordExperiment(ideaId);
  if (rule === "validated" && !experiments.some((e) => e.result === "VALIDATED")) await validatedExperiment(ideaId);
}

/**
 * An idea on the board in the given stage, at the end of its column: submitted by its author,
 * taken in and moved stage by stage by a facilitator, each gate passed as the lab would pass it.
 */
export async function ideaInStage(
  stageKey: string,
  authorId: number,
  overrides: { title?: string; institutionCode?: string; principles?: string[]; closingNote?: string } = {},
) {
  const id = await submittedIdea(authorId, overrides);
  const stages = await prisma.stage.findMany({ where: { archivedAt: null }, orderBy: { position: "asc" } });
  const target = stages.find((s) => s.key === stageKey);
  if (!target) throw new Error(`No stage ${stageKey}`);
  if (target.kind !== "INTAKE") {
    const lab = await facilitator();
    const version = async () => (await prisma.idea.findUniqueOrThrow({ where: { id } })).version;
    const work = stages.filter((s) => s.kind === "WORK");
    expectOk(await acceptIdea(lab, { ideaId: id, version: await version(), stage: work[0].key }), "take the idea in");
    // Through the work stages in order, then into the target (a stopped idea stops from the first).
    const path = target.kind === "WORK" ? work.slice(1, work.indexOf(target) + 1) : target.kind === "CLOSED_STOPPED" ? [target] : [...work.slice(1), target];
    for (const stage of path) {
      if (stage.gateEnabled) await passGate(id, stage.key);
      const closing = stage.kind === "CLOSED_SUCCESS" || stage.kind === "CLOSED_STOPPED";
      expectOk(
        await moveIdea(lab, {
          ideaId: id,
          version: await version(),
          stage: stage.key,
          closingNote: closing ? (overrides.closingNote ?? "Noslēgts: ko iemācījāmies.") : undefined,
        }),
        `move the idea to ${stage.key}`,
      );
    }
  }
  return prisma.idea.findUniqueOrThrow({ where: { id } });
}
