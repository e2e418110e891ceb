// The kinds of audit entry (safe to import in the browser).
export const AUDIT_ACTIONS = [
  "auth.sign-in",
  "auth.sign-in-failed",
  "stage.gate",
  "user.create",
  "user.update",
  "user.deactivate",
  "user.reactivate",
  "institution.create",
  "institution.update",
  "stage.update",
  "stage.create",
  "stage.archive",
  "stage.reorder",
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

