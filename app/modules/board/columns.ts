// Facts about the board's columns, shared by the server and the browser.

/** Cards a column shows at first, and how many more each "show more" adds. */
export const COLUMN_PAGE = 50;
/** The most cards a column shows, however far "show more" goes. */
export const MAX_SHOWN = 2000;

/** Implemented and stopped: the closed columns (collapsed on the board; entering one asks for a closing note). */
export const isClosedKind = (kind: string | undefined | null) => kind === "CLOSED_SUCCESS" || kind === "CLOSED_STOPPED";
