// Which events put an idea into a stage and which take it out: the dashboard's stays and daily
// counts follow these. Safe to import in the browser.
import type { EventType } from "~/generated/prisma/enums";

export const ENTERING: readonly EventType[] = ["SUBMITTED", "RESUBMITTED", "MOVED"];
export const LEAVING: readonly EventType[] = ["MOVED", "RETURNED", "DECLINED", "WITHDRAWN"];
