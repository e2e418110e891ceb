import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { BoardFilterForm } from "~/modules/board/board-filters";
import { MoveSchema } from "~/modules/board/board.schema";
import { getBoard, moveIdea } from "~/modules/board/board.server";
import { BoardView } from "~/modules/board/board-view";
import { parseBoardQuery } from "~/modules/board/board-query.server";
import { getFilterOptions } from "~/modules/idea/idea-queries.server";
import { requireUser, requireUserWith } from "~/utils/auth.server";
import { readFormData } from "~/utils/form.server";
import { getLocale, getT } from "~/utils/i18n.server";
import { can } from "~/utils/permissions";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUserWith(request, "board:view");
  const locale = await getLocale(request);
  const [t, options] = await Promise.all([getT(request, "board"), getFilterOptions(locale)]);
  const { filters, limits, values, invalid } = parseBoardQuery(new URL(request.url).searchParams, options);
  const board = await getBoard(user, filters, limits, locale);
  return {
    title: `${t("title")} · ${t("common:appName")}`,
    canMove: can(user, "idea:move"),
    options: { institutions: options.institutions, principles: options.principles.map((p) => ({ key: p.key, title: p.title })) },
    values,
    invalid,
    ...board,
  };
}

/** The move the board's drag and drop and keyboard send. Without JavaScript, "Move to…" posts to the manage page. */
export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  if (!can(user, "idea:move")) return data({ ok: false, message: "board:errors.forbidden" }, { status: 403 });
  const submission = parseWithZod(await readFormData(request), { schema: MoveSchema });
  if (submission.status !== "success") {
    const first = Object.values(submission.error ?? {}).flat()[0];
    const message = submission.error?.version ? "board:errors.versionMissing" : submission.error?.stage ? "board:errors.unknownStage" : `common:validation.${first ?? "invalid"}`;
    return data({ ok: false, message: message.split("|")[0] }, { status: 400 });
  }
  const result = await moveIdea(user, submission.value);
  if (!result.ok) return data({ ok: false, message: result.message }, { status: result.status });
  return data({ ok: true, message: undefined });
}

export default function Board() {
  const { columns, canMove, options, values, invalid } = useLoaderData<typeof loader>();
  const { t } = useTranslation("board");
  return (
    <div>
      <h1 className="mb-2 text-3xl font-bold">{t("title")}</h1>
      <p className="mb-4 text-slate-700">{canMove ? t("introMove") : t("introRead")}</p>
      <BoardFilterForm options={options} values={values} invalid={invalid} />
      <BoardView columns={columns} canMove={canMove} />
    </div>
  );
}
