import { beforeAll, expect, test } from "vitest";
import { action, loader } from "~/routes/admin.stages";
import { loader as boardLoader } from "~/routes/board";
import { moveIdea } from "~/modules/board/board.server";
import { prisma } from "~/utils/db.server";
import { ideaInStage } from "../factories/idea";
import { formRequest, getRequest } from "../factories/request";
import { reply, run } from "../factories/route";
import { createUser, sessionCookieFor } from "../factories/user";

let cookie: string;
let adminId: number;
beforeAll(async () => {
  const admin = await createUser({ role: "ADMIN" });
  adminId = admin.id;
  cookie = await sessionCookieFor(admin.id);
});
const post = (fields: Record<string, string>) => run(action, { request: formRequest("/admin/stages", fields, { cookie }) });
const order = async () => (await prisma.stage.findMany({ where: { archivedAt: null }, orderBy: { position: "asc" } })).map((s) => s.id).join(",");
const boardKeys = async () =>
  ((await run(boardLoader, { request: getRequest("/board", cookie) })).data as { columns: { key: string; name: string }[] }).columns;

test("rename and WIP limit; an empty name is refused beside the field", async () => {
  const define = await prisma.stage.findUniqueOrThrow({ where: { key: "define" } });
  const empty = await post({ intent: "update", stageId: String(define.id), nameLv: " ", nameEn: "Define" });
  expect(empty.status).toBe(400);
  expect(reply(empty).error.nameLv).toEqual(["required"]);
  expect((await post({ intent: "update", stageId: String(define.id), nameLv: "Problēmas formulēšana", nameEn: "Define", wipLimit: "8" })).status).toBe(302);
  expect(await prisma.stage.findUniqueOrThrow({ where: { id: define.id } })).toMatchObject({ nameLv: "Problēmas formulēšana", wipLimit: 8 });
  expect((await boardKeys()).find((c) => c.key === "define")?.name).toBe("Problēmas formulēšana");
});

test("reordering the work stages moves the board's columns; a stale list is refused with 409", async () => {
  const develop = await prisma.stage.findUniqueOrThrow({ where: { key: "develop" } });
  const seen = await order();
  expect((await post({ intent: "move", stageId: String(develop.id), direction: "up", order: seen })).status).toBe(302);
  expect((await boardKeys()).map((c) => c.key).slice(0, 4)).toEqual(["submitted", "discover", "develop", "define"]);
  const stale = await post({ intent: "move", stageId: String(develop.id), direction: "down", order: seen });
  expect(stale.status).toBe(409);
  const intake = await prisma.stage.findUniqueOrThrow({ where: { key: "submitted" } });
  expect((await post({ intent: "move", stageId: String(intake.id), direction: "down", order: await order() })).status).toBe(400);
});

test("a new work stage goes after the last work stage; a stage with ideas cannot be archived, an empty one can", async () => {
  expect((await post({ intent: "create", nameLv: "Pilotēšana", nameEn: "Piloting" })).status).toBe(302);
  const keys = (await boardKeys()).map((c) => c.key);
  expect(keys.indexOf("piloting")).toBe(keys.indexOf("scale") + 1);
  expect(keys.slice(-2)).toEqual(["implemented", "stopped"]);
  const piloting = await prisma.stage.findUniqueOrThrow({ where: { key: "piloting" } });
  const idea = await ideaInStage("piloting", adminId);
  const refused = await post({ intent: "archive", stageId: String(piloting.id) });
  expect(refused.status).toBe(400);
  expect(reply(refused).error[""]).toEqual(["admin:stages.errors.notEmpty"]);
  // Once its last idea has moved on, the stage can go.
  await moveIdea(await createUser({ role: "FACILITATOR" }), { ideaId: idea.id, version: idea.version, stage: "stopped", closingNote: "Pilots beidzās." });
  expect((await post({ intent: "archive", stageId: String(piloting.id) })).status).toBe(302);
  expect((await boardKeys()).map((c) => c.key)).not.toContain("piloting");
  expect(
    await prisma.auditEntry.count({ where: { action: { in: ["STAGE_CREATE", "STAGE_ARCHIVE", "STAGE_UPDATE", "STAGE_REORDER"] } } }),
  ).toBeGreaterThanOrEqual(4);
});

test("non-admins get 403", async () => {
  const facilitator = await createUser({ role: "FACILITATOR" });
  expect((await run(loader, { request: getRequest("/admin/stages", await sessionCookieFor(facilitator.id)) })).status).toBe(403);
});
