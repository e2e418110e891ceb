// The dashboard's figures for the engine DATABASE_URL names: the same interface, each engine's SQL.
import { onPostgres } from "~/utils/engine.server";
import type { DashboardFigures } from "./dashboard.figures";
import { postgresqlFigures } from "./dashboard.postgresql.server";
import { sqliteFigures } from "./dashboard.sqlite.server";

export function dashboardFigures(): DashboardFigures {
  return onPostgres() ? postgresqlFigures : sqliteFigures;
}
