import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { handleForm } from "~/core/form.server";
import { BoardFilterForm } from "~/modules/board/board-filters";
import { MoveSchema, getBoard, moveIdea, parseBoardQuery } from "~/modules/board/board.server";
import { BoardView } from "~/modules/board/board-view";
import { getFilterOptions } from "~/modules/idea/idea-queries.server";
import { requireUser, requireUserWith } from "~/utils/auth.server";
import { getLocale, getT } from "~/utils/i18n.server";
import { pageMeta } from "~/utils/meta";
import { can } from "~/utils/permissions";

export const meta = pageMeta;
export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-boundary";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUserWith(request, "board:view");
  const locale = await getLocale(request);
  const [t, options] = await Promise.all([getT(request, "board"), getFilterOptions(locale)]);
  const { filters, limits, open, values, invalid } = parseBoardQuery(new URL(request.url).searchParams, options);
  const board = await getBoard(user, filters, limits, locale, open);
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
  return handleForm(request, {
    schema: MoveSchema,
    hidden: ["ideaId", "version"],
    run: (value) => moveIdea(user, value),
    done: () => ({ data: { moved: true } }),
  });
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
