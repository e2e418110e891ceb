// The stage gates: which stages' entry has one, and what it asks for (missingForGate checks it).
// Safe to import in the browser.

/** What entering a gated stage asks for: a designed Test Card, a validated experiment, or the learning of every experiment that ran. */
export const GATE_RULES = { test: "test", scale: "validated", implemented: "validated", stopped: "learning" } as const;
export type GateRule = (typeof GATE_RULES)[keyof typeof GATE_RULES];

/** The gate's rule for a stage, or null when its entry has no gate. */
export const gateRule = (stageKey: string): GateRule | null => (Object.hasOwn(GATE_RULES, stageKey) ? GATE_RULES[stageKey as keyof typeof GATE_RULES] : null);
