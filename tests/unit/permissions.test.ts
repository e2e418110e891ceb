import { describe, expect, test } from "vitest";
import { PERMISSIONS, PERMISSION_MATRIX, ROLES, can, type Permission } from "~/utils/permissions";

// DOMAIN.md's table, written out row by row: any change to the matrix must change this too.
const EXPECTED: Record<(typeof ROLES)[number], Permission[]> = {
  SUBMITTER: ["idea:create", "idea:read", "idea:support", "comment:create", "board:view", "lessons:view"],
  FACILITATOR: [
    "idea:create",
    "idea:read",
    "idea:support",
    "comment:create",
    "comment:internal",
    "comment:read-internal",
    "board:view",
    "lessons:view",
    "idea:triage",
    "idea:move",
    "idea:assign",
    "idea:tag",
    "idea:close",
    "experiment:manage",
    "dashboard:view",
    "export:csv",
  ],
  MANAGER: ["idea:read", "comment:create", "comment:read-internal", "board:view", "lessons:view", "dashboard:view", "export:csv"],
  ADMIN: [...PERMISSIONS],
};

describe.each(ROLES)("%s", (role) => {
  test.each(PERMISSIONS.map((p) => [p]))(`${role} → %s`, (permission) => {
    expect(can({ role }, permission)).toBe(EXPECTED[role].includes(permission));
  });
});

test("every role is in the matrix and nobody signed out may do anything", () => {
  expect(Object.keys(PERMISSION_MATRIX).sort()).toEqual([...ROLES].sort());
  for (const permission of PERMISSIONS) expect(can(null, permission)).toBe(false);
});

test("submitters and managers may not move cards; managers may not submit ideas", () => {
  expect(can({ role: "SUBMITTER" }, "idea:move")).toBe(false);
  expect(can({ role: "MANAGER" }, "idea:move")).toBe(false);
  expect(can({ role: "MANAGER" }, "idea:create")).toBe(false);
  expect(can({ role: "SUBMITTER" }, "dashboard:view")).toBe(false);
});
