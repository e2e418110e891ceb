// The permission matrix of docs/domain.md ("People and roles"), as one typed table. Safe to import in the browser
// (to decide what to show); the server checks it again in every loader and action.
import type { Role } from "~/generated/prisma/enums";

export const ROLES = ["SUBMITTER", "FACILITATOR", "MANAGER", "ADMIN"] as const satisfies readonly Role[];

export const PERMISSIONS = [
  "idea:create", // submit ideas, edit own drafts and returned ideas, withdraw own
  "idea:read", // read every non-draft idea
  "idea:support",
  "comment:create",
  "comment:internal", // write internal notes
  "comment:read-internal", // read internal notes
  "board:view",
  "lessons:view",
  "idea:triage",
  "idea:move",
  "idea:assign",
  "idea:tag", // confirm principle tags
  "idea:close",
  "experiment:manage",
  "dashboard:view",
  "export:csv",
  "admin:users",
  "admin:institutions",
  "admin:stages",
  "admin:audit", // the audit log
  "admin:outbox", // the e-mail outbox
  "admin:sign-in", // how people sign in: local passwords on or off, the identity providers
] as const;

export type Permission = (typeof PERMISSIONS)[number];

const SUBMITTER: Permission[] = ["idea:create", "idea:read", "idea:support", "comment:create", "board:view", "lessons:view"];

const FACILITATOR: Permission[] = [
  ...SUBMITTER,
  "comment:internal",
  "comment:read-internal",
  "idea:triage",
  "idea:move",
  "idea:assign",
  "idea:tag",
  "idea:close",
  "experiment:manage",
  "dashboard:view",
  "export:csv",
];

const MANAGER: Permission[] = ["idea:read", "comment:create", "comment:read-internal", "board:view", "lessons:view", "dashboard:view", "export:csv"];

export const PERMISSION_MATRIX: Record<Role, ReadonlySet<Permission>> = {
  SUBMITTER: new Set(SUBMITTER),
  FACILITATOR: new Set(FACILITATOR),
  MANAGER: new Set(MANAGER),
  ADMIN: new Set(PERMISSIONS),
};

export function can(user: { role: Role } | null | undefined, permission: Permission): boolean {
  return !!user && PERMISSION_MATRIX[user.role].has(permission);
}
