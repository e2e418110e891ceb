// What a stage's kind means, shared by the server and the browser.
import type { StageKind } from "~/generated/prisma/enums";

/** Implemented and stopped: the closed stages (collapsed on the board; entering one asks for a closing note). */
export const isClosedKind = (kind: StageKind | string | undefined | null) => kind === "CLOSED_SUCCESS" || kind === "CLOSED_STOPPED";

/** The stages an idea is worked on in (not intake, not closed). */
export const isWorkKind = (kind: StageKind | string | undefined | null) => kind === "WORK";
