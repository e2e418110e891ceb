// The board's kept stage counts follow every command that puts an idea on the board or takes it
// off, and always equal a recount from Idea; a refused command leaves them as they were.
import { expect, test } from "vitest";
import { acceptIdea, declineIdea, getBoard, moveIdea, returnIdea } from "~/modules/board/board.server";
import { checkStageCounts, keptStageCounts, rebuildStageCounts, recountStages } from "~/modules/board/stage-counts.server";
import { updateIdea, withdrawIdea } from "~/modules/idea/idea.server";
import { IdeaFormSchema } from "~/modules/idea/idea.schema";
import { archiveStage, addStage } from "~/modules/stage/stages.server";
import { prisma } from "~/utils/db.server";
import { draftIdea, facilitator, fullBrief, ideaInStage, submittedIdea } from "../factories/idea";
import { createUser } from "../factories/user";

const version = async (id: number) => (await prisma.idea.findUniqueOrThrow({ where: { id } })).version;
const stageId = async (key: string) => (await prisma.stage.findUniqueOrThrow({ where: { key } })).id;

async function expectInStep() {
  expect(await checkStageCounts()).toEqual([]);
  expect(await keptStageCounts()).toEqual(await recountStages());
}

test("submit, resubmit, accept, move, close, return, decline and withdraw keep the counts equal to a recount", async () => {
  const author = await createUser();
  const lab = await facilitator();
  const submitted = await stageId("submitted");
  const before = (await keptStageCounts()).get(submitted) ?? 0;

  // Submitted: into intake.
  const a = await submittedIdea(author.id);
  const b = await submittedIdea(author.id);
  const c = await submittedIdea(author.id);
  const d = await submittedIdea(author.id);
  expect((await keptStageCounts()).get(submitted)).toBe(before + 4);
  await expectInStep();

  // A draft is not on the board; deleting it changes nothing.
  const draft = await draftIdea(author.id);
  await expectInStep();
  expect((await withdrawIdea(author, { id: draft })).ok).toBe(true);
  await expectInStep();

  // Accepted into a work stage, then moved on, then reordered within its column.
  expect((await acceptIdea(lab, { ideaId: a, version: await version(a), stage: "discover" })).ok).toBe(true);
  await expectInStep();
  expect((await moveIdea(lab, { ideaId: a, version: await version(a), stage: "define" })).ok).toBe(true);
  expect((await moveIdea(lab, { ideaId: a, version: await version(a), stage: "define", position: 1 })).ok).toBe(true);
  await expectInStep();

  // Returned with a question, then resubmitted by its author.
  expect((await returnIdea(lab, { ideaId: b, version: await version(b), text: "Cik cilvēku to skar?" })).ok).toBe(true);
  await expectInStep();
  const institution = await prisma.institution.findUniqueOrThrow({ where: { code: "UR" } });
  const value = IdeaFormSchema.parse({
    ...fullBrief(),
    id: b,
    version: await version(b),
    usersTalkedTo: 12,
    principles: ["partner"],
    institutionId: institution.id,
  });
  expect((await updateIdea(author, { id: b, value })).ok).toBe(true);
  expect((await prisma.idea.findUniqueOrThrow({ where: { id: b } })).status).toBe("ACTIVE");
  await expectInStep();

  // Declined, and withdrawn by its author.
  expect((await declineIdea(lab, { ideaId: c, version: await version(c), text: "Jau risināts citur." })).ok).toBe(true);
  expect((await withdrawIdea(author, { id: d })).ok).toBe(true);
  await expectInStep();

  // Through the gates to a closed stage, and back again.
  const closed = await ideaInStage("stopped", author.id);
  await expectInStep();
  expect((await moveIdea(lab, { ideaId: closed.id, version: closed.version, stage: "discover" })).ok).toBe(true);
  await expectInStep();

  // A refused command (a stale version) rolls the counts back with everything else.
  const kept = await keptStageCounts();
  expect((await moveIdea(lab, { ideaId: a, version: 1, stage: "discover" })).ok).toBe(false);
  expect(await keptStageCounts()).toEqual(kept);

  // A new stage starts at nothing; archiving it (only when empty) leaves the counts alone.
  const admin = await createUser({ role: "ADMIN" });
  expect((await addStage(admin, { nameLv: "Pagaidu posms", nameEn: "Temporary stage" })).ok).toBe(true);
  const temporary = await prisma.stage.findFirstOrThrow({ where: { nameEn: "Temporary stage" } });
  expect((await archiveStage(admin, { stageId: temporary.id })).ok).toBe(true);
  await expectInStep();
});

test("the unfiltered board shows the kept counts, and a filtered board counts from Idea", async () => {
  const author = await createUser();
  await ideaInStage("discover", author.id, { institutionCode: "VK" });
  const lab = await facilitator();
  const board = await getBoard(lab, {}, {}, "lv");
  const recount = await recountStages();
  for (const column of board.columns) expect(column.count, column.key).toBe(recount.get(await stageId(column.key)) ?? 0);
  const vk = await prisma.institution.findUniqueOrThrow({ where: { code: "VK" } });
  const filtered = await getBoard(lab, { institution: vk.id }, {}, "lv");
  const inVk = await prisma.idea.count({ where: { status: "ACTIVE", institutionId: vk.id, stage: { key: "discover" } } });
  expect(filtered.columns.find((c) => c.key === "discover")!.count).toBe(inVk);
  expect(inVk).toBeLessThan(recount.get(await stageId("discover"))!);
});

test("a check finds counts out of step, and a rebuild mends them", async () => {
  const author = await createUser();
  await submittedIdea(author.id);
  const submitted = await stageId("submitted");
  await prisma.stageCount.update({ where: { stageId: submitted }, data: { ideas: { increment: 3 } } });
  const off = await checkStageCounts();
  expect(off).toHaveLength(1);
  expect(off[0].stageId).toBe(submitted);
  expect(off[0].kept - off[0].counted).toBe(3);
  await rebuildStageCounts();
  await expectInStep();
});
