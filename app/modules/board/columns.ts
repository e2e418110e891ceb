// Facts about the board's columns, shared by the server and the browser.

/** Cards a column shows at first, and how many more each "show more" adds. */
export const COLUMN_PAGE = 25;
/** The most cards a column shows, however far "show more" goes. */
export const MAX_SHOWN = 2000;
