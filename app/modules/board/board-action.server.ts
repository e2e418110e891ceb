import { parseWithZod } from "@conform-to/zod/v4";
import type { SessionUser } from "~/utils/auth.server";
import { readFormData } from "~/utils/form.server";
import { can } from "~/utils/permissions";
import { MoveSchema } from "./board.schema";
import { moveIdea } from "./board.server";

/** The board's move action (drag and drop, keyboard): { ok, message } with 200, 400, 403, 404 or 409. */
export async function handleBoardMove(request: Request, user: SessionUser): Promise<{ status: number; body: { ok: boolean; message?: string; link?: string } }> {
  if (!can(user, "idea:move")) return { status: 403, body: { ok: false, message: "board:errors.forbidden" } };
  const submission = parseWithZod(await readFormData(request), { schema: MoveSchema });
  if (submission.status !== "success") {
    const error = submission.error ?? {};
    const message = error.version
      ? "board:errors.versionMissing"
      : error.stage
        ? "board:errors.unknownStage"
        : error.position
          ? "board:errors.unknownPosition"
          : "common:validation.invalid";
    return { status: 400, body: { ok: false, message } };
  }
  const result = await moveIdea(user, submission.value);
  if (!result.ok) return { status: result.status, body: { ok: false, message: result.message, link: result.link } };
  return { status: 200, body: { ok: true } };
}
