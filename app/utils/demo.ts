/** The shared password of the demo users (never used outside demo databases). */
export const DEMO_PASSWORD = "ideja-2026-demo";

export const DEMO_LOGINS = [
  { email: "submitter@example.lv", role: "SUBMITTER" },
  { email: "facilitator@example.lv", role: "FACILITATOR" },
  { email: "manager@example.lv", role: "MANAGER" },
  { email: "admin@example.lv", role: "ADMIN" },
] as const;
