// The board's density (full cards, or compact ones with one line of figures), remembered for each
// person on their user row.
import { command } from "~/core/command.server";
import { ok } from "~/core/result";
import type { SessionUser } from "~/utils/auth.server";
import { prisma } from "~/utils/db.server";
import type { Density } from "./card";
import { DENSITIES } from "./board.schema";

// Read through this server module so that the board's JavaScript carries no validation library.
export { BoardActionSchema } from "./board.schema";

export async function boardDensityOf(user: SessionUser): Promise<Density> {
  const row = await prisma.user.findUnique({ where: { id: user.id }, select: { boardDensity: true } });
  return DENSITIES.find((d) => d === row?.boardDensity) ?? "comfortable";
}

export const setBoardDensity = command<{ density: Density }, undefined, SessionUser>({
  permission: "board:view",
  async run({ tx, actor }, input) {
    await tx.user.update({ where: { id: actor.id }, data: { boardDensity: input.density } });
    return ok();
  },
});
