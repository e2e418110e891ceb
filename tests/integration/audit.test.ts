import { expect, test } from "vitest";
import { Secret, TOTP } from "otpauth";
import { action as loginAction } from "~/routes/login";
import { action as codeAction } from "~/routes/login_.code";
import { action as gatesAction } from "~/routes/admin.stages";
import { loader as auditLoader } from "~/routes/admin.audit";
import { loader as auditCsvLoader } from "~/routes/admin.audit[.]csv";
import { prisma } from "~/utils/db.server";
import { formRequest, getRequest } from "../factories/request";
import { run } from "../factories/route";
import { TEST_PASSWORD, TEST_TOTP_SECRET, createUser, sessionCookieFor } from "../factories/user";

type Log = { entries: { action: string; actor: { email: string } | null; after: string | null; before: string | null; ip: string | null }[]; total: number };

test("sign-ins, failed sign-ins and gate switches are in the audit log, with actor, time, target and values", async () => {
  const admin = await createUser({ role: "ADMIN", email: "audit-admin@example.lv" });
  // An administrator signs in in two steps: the password, then the code from the app.
  const password = await run(loginAction, {
    request: formRequest("/login", { email: admin.email, password: TEST_PASSWORD }),
    context: { clientIp: "10.9.9.9" },
  });
  const code = new TOTP({ secret: Secret.fromBase32(TEST_TOTP_SECRET) }).generate();
  const pending = password.headers.get("Set-Cookie")!.split(";")[0];
  expect((await run(codeAction, { request: formRequest("/login/code", { code }, { cookie: pending }), context: { clientIp: "10.9.9.9" } })).status).toBe(302);
  await run(loginAction, { request: formRequest("/login", { email: "nobody@example.lv", password: "x" }), context: { clientIp: "10.9.9.8" } });
  const cookie = await sessionCookieFor(admin.id);
  const scale = await prisma.stage.findUniqueOrThrow({ where: { key: "scale" } });
  await run(gatesAction, { request: formRequest("/admin/stages", { intent: "gate", stageId: String(scale.id), enabled: "false" }, { cookie }) });

  const log = (await run(auditLoader, { request: getRequest("/admin/audit", cookie) })).data as Log;
  const [gate, failed, signIn] = log.entries;
  expect(gate).toMatchObject({ action: "STAGE_GATE", actor: { email: admin.email }, before: '{"gateEnabled":true}', after: '{"gateEnabled":false}' });
  expect(failed).toMatchObject({ action: "SIGN_IN_FAILED", actor: null, ip: "10.9.9.8" });
  expect(JSON.parse(failed.after!)).toEqual({ email: "nobody@example.lv", reason: "invalid" });
  expect(signIn).toMatchObject({ action: "SIGN_IN", actor: { email: admin.email }, ip: "10.9.9.9" });

  const onlyFailed = (await run(auditLoader, { request: getRequest("/admin/audit?action=SIGN_IN_FAILED", cookie) })).data as Log;
  expect(onlyFailed.entries.every((e) => e.action === "SIGN_IN_FAILED")).toBe(true);
  const byActor = (await run(auditLoader, { request: getRequest("/admin/audit?actor=AUDIT-ADMIN", cookie) })).data as Log;
  expect(byActor.total).toBe(2);
  const bad = (await run(auditLoader, { request: getRequest("/admin/audit?action=delete-everything&from=2026-13-01", cookie) })).data as Log & {
    invalid: string[];
  };
  expect(bad.invalid.sort()).toEqual(["action", "from"]);
});

test("the audit log and its CSV are for administrators only; the CSV has a byte-order mark", async () => {
  const manager = await createUser({ role: "MANAGER" });
  const cookie = await sessionCookieFor(manager.id);
  expect((await run(auditLoader, { request: getRequest("/admin/audit", cookie) })).status).toBe(403);
  expect((await run(auditCsvLoader as never, { request: getRequest("/admin/audit.csv", cookie) })).status).toBe(403);
  const admin = await createUser({ role: "ADMIN" });
  const response = (await auditCsvLoader({ request: getRequest("/admin/audit.csv", await sessionCookieFor(admin.id)), params: {}, context: {} })) as Response;
  const bytes = new Uint8Array(await response.arrayBuffer());
  expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  expect(new TextDecoder().decode(bytes)).toContain("id,createdAt,actor,action,targetType,targetId,before,after,ip");
  expect(await prisma.auditEntry.count()).toBeGreaterThan(0);
});

test("the date filter counts the lab's days, as the log shows its times (Riga, not UTC)", async () => {
  const admin = await createUser({ role: "ADMIN" });
  const cookie = await sessionCookieFor(admin.id);
  // 22:30 UTC on 28 February is 00:30 on 1 March in Riga; 21:30 UTC on 31 March is 00:30 on 1 April (summer time).
  await prisma.auditEntry.createMany({
    data: [
      { actorId: admin.id, action: "INSTITUTION_UPDATE", targetType: "INSTITUTION", targetId: "MARTS", createdAt: new Date("2026-02-28T22:30:00Z") },
      { actorId: admin.id, action: "INSTITUTION_UPDATE", targetType: "INSTITUTION", targetId: "APRILIS", createdAt: new Date("2026-03-31T21:30:00Z") },
    ],
  });
  const targets = async (query: string) =>
    (
      (await run(auditLoader, { request: getRequest(`/admin/audit?action=INSTITUTION_UPDATE&${query}`, cookie) })).data as {
        entries: { targetId: string | null }[];
      }
    ).entries.map((e) => e.targetId);
  expect(await targets("from=2026-03-01&to=2026-03-01")).toEqual(["MARTS"]);
  expect(await targets("from=2026-02-01&to=2026-02-28")).toEqual([]);
  expect(await targets("from=2026-04-01&to=2026-04-01")).toEqual(["APRILIS"]);
  expect(await targets("from=2026-03-31&to=2026-03-31")).toEqual([]);
});
