/** The stages whose entry has a gate (see missingForGate); safe to import in the browser. */
export const GATED = ["test", "scale", "implemented", "stopped"] as const;
