import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ButtonForm } from "~/components/form";
import { handleForm } from "~/core/form.server";
import { BoardFilterForm } from "~/modules/board/board-filters";
import { HighlightStems } from "~/components/ui/highlight";
import { getBoard, moveIdea, parseBoardQuery } from "~/modules/board/board.server";
import { BoardActionSchema, boardDensityOf, setBoardDensity } from "~/modules/board/density.server";
import { BoardView } from "~/modules/board/board-view";
import { getFilterOptions } from "~/modules/idea/idea-queries.server";
import { requireUser, requireUserWith } from "~/utils/auth.server";
import { getLocale, getT } from "~/utils/i18n.server";
import { pageMeta } from "~/utils/meta";
import { can } from "~/utils/permissions";
import { searchParamsOf } from "~/utils/http.server";

export const meta = pageMeta;
export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
/** The board uses the whole width of the window. */
export const handle = { wide: true };

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUserWith(request, "board:view");
  const locale = await getLocale(request);
  const [t, options, density] = await Promise.all([getT(request, "board"), getFilterOptions(locale), boardDensityOf(user)]);
  const { filters, limits, open, values, invalid } = parseBoardQuery(searchParamsOf(request), options);
  const board = await getBoard(user, filters, limits, locale, open);
  return {
    title: `${t("title")} · ${t("common:appName")}`,
    canMove: can(user, "idea:move"),
    density,
    options: { institutions: options.institutions, principles: options.principles.map((p) => ({ key: p.key, title: p.title })) },
    values,
    invalid,
    ...board,
  };
}

/**
 * The board's own forms: the move its drag and drop, keyboard and closing dialog send, and the
 * density switch. Without JavaScript, "Move to…" posts to the manage page.
 */
export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const { search } = new URL(request.url);
  return handleForm(request, {
    schema: BoardActionSchema,
    hidden: ["ideaId", "version"],
    run: (value) => (value.intent === "density" ? setBoardDensity(user, { density: value.density }) : moveIdea(user, value)),
    done: (_, value) => (value.intent === "density" ? { redirect: `/board${search}` } : { data: { moved: true } }),
  });
}

export default function Board() {
  const { columns, canMove, density, options, values, invalid, stems } = useLoaderData<typeof loader>();
  const { t } = useTranslation("board");
  const compact = density === "compact";
  return (
    <div>
      <div className="mb-2 flex flex-wrap items-baseline justify-between gap-x-4 gap-y-2">
        <h1 className="text-2xl font-bold md:text-3xl">{t("title")}</h1>
        <ButtonForm
          id="board-density"
          fields={{ intent: "density", density: compact ? "comfortable" : "compact" }}
          label={t("density.compact")}
          pressed={compact}
          className={`btn-secondary text-sm ${compact ? "!bg-slate-800 !text-white" : ""}`}
        />
      </div>
      <p className="mb-2 text-sm text-slate-700 md:text-base">{canMove ? t("introMove") : t("introRead")}</p>
      <BoardFilterForm options={options} values={values} invalid={invalid} />
      <HighlightStems stems={stems}>
        <BoardView columns={columns} canMove={canMove} density={density} />
      </HighlightStems>
    </div>
  );
}
