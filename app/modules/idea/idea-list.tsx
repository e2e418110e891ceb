import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Highlighted } from "~/components/ui/highlight";
import { formatDate, formatNumber } from "~/utils/format";
import type { IdeaListItem } from "./idea-queries.server";
import { PrincipleChips, StatusLabel } from "./status-label";

export function IdeaList({ items, showWaiting = false }: { items: IdeaListItem[]; showWaiting?: boolean }) {
  const { t, i18n } = useTranslation("ideas");
  return (
    <ul className="space-y-3">
      {items.map((idea) => (
        <li key={idea.id} className="rounded-lg bg-white p-4 shadow">
          <h2 className="text-lg font-semibold break-words">
            <Link to={`/ideas/${idea.id}`} className="link" lang={idea.language}>
              <Highlighted text={idea.title} />
            </Link>
          </h2>
          {idea.summary ? (
            <p className="mt-1 text-slate-800 break-words" lang={idea.language}>
              <Highlighted text={idea.summary} />
            </p>
          ) : null}
          {showWaiting && idea.waitingOnAuthor ? (
            <p className="mt-2 rounded border-l-4 border-amber-600 bg-amber-50 px-3 py-2">
              <span className="font-semibold">{t("mine.waiting")}</span> {idea.waitingOnAuthor}
            </p>
          ) : null}
          <div className="mt-2 flex flex-wrap items-center gap-x-4 gap-y-2 text-sm text-slate-700">
            <StatusLabel status={idea.status} stage={idea.stage} />
            <span>{idea.institution}</span>
            <span>{t("list.supports", { count: idea.supports, formatted: formatNumber(i18n.language, idea.supports) })}</span>
            <span>
              {t("list.lastActivity")} <time dateTime={idea.lastActivityAt}>{formatDate(i18n.language, idea.lastActivityAt)}</time>
            </span>
            <PrincipleChips keys={idea.principles} />
          </div>
        </li>
      ))}
    </ul>
  );
}
