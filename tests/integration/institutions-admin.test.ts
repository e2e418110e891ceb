import { expect, test } from "vitest";
import { action, loader } from "~/routes/admin.institutions";
import { loader as newIdeaLoader } from "~/routes/ideas.new";
import { prisma } from "~/utils/db.server";
import { formRequest, getRequest } from "../factories/request";
import { reply, run } from "../factories/route";
import { createUser, sessionCookieFor } from "../factories/user";

test("an admin adds, renames, deactivates and reactivates an institution, each audited; a deactivated one is not offered for new ideas", async () => {
  const admin = await createUser({ role: "ADMIN" });
  const cookie = await sessionCookieFor(admin.id);
  const post = (fields: Record<string, string>) => run(action, { request: formRequest("/admin/institutions", fields, { cookie }) });
  expect((await post({ intent: "create", code: "vid", nameLv: "Valsts ieņēmumu dienests", nameEn: "State Revenue Service" })).status).toBe(302);
  const vid = await prisma.institution.findUniqueOrThrow({ where: { code: "VID" } });
  const duplicate = await post({ intent: "create", code: "VID", nameLv: "Cits", nameEn: "Other" });
  expect(duplicate.status).toBe(400);
  expect(reply(duplicate).error.code).toEqual(["admin:institutions.errors.duplicate"]);
  const badCode = await post({ intent: "create", code: "ļoti garš kods", nameLv: "X iestāde", nameEn: "X body" });
  expect(reply(badCode).error.code).toEqual(["institutionCode"]);
  expect((await post({ intent: "rename", institutionId: String(vid.id), nameLv: " ", nameEn: "SRS" })).status).toBe(400);
  expect((await post({ intent: "rename", institutionId: String(vid.id), nameLv: "VID", nameEn: "SRS" })).status).toBe(302);
  expect((await post({ intent: "deactivate", institutionId: String(vid.id) })).status).toBe(302);
  const submitter = await createUser();
  const form = (await run(newIdeaLoader, { request: getRequest("/ideas/new", await sessionCookieFor(submitter.id)) })).data as {
    options: { institutions: { id: number; active: boolean }[] };
  };
  expect(form.options.institutions.find((i) => i.id === vid.id)?.active).toBe(false);
  expect((await post({ intent: "reactivate", institutionId: String(vid.id) })).status).toBe(302);
  expect(await prisma.institution.findUniqueOrThrow({ where: { id: vid.id } })).toMatchObject({ nameLv: "VID", nameEn: "SRS", active: true });
  expect(await prisma.auditEntry.count({ where: { targetType: "INSTITUTION", targetId: "VID" } })).toBe(4);
  const manager = await createUser({ role: "MANAGER" });
  expect((await run(loader, { request: getRequest("/admin/institutions", await sessionCookieFor(manager.id)) })).status).toBe(403);
});
