import { useSortable } from "@dnd-kit/sortable";
import { CSS } from "@dnd-kit/utilities";
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { BoardCard } from "./board.server";

/** One idea on the board. Lean markup: a board holds hundreds of these. */
export function CardView({ card, canMove, intake, handle }: { card: BoardCard; canMove: boolean; intake: boolean; handle?: React.ReactNode }) {
  const { t } = useTranslation("board");
  return (
    <article id={`card-${card.id}`} aria-labelledby={`card-${card.id}-t`} className="rounded border border-slate-300 bg-white p-3 text-sm shadow-sm">
      <div className="flex items-start gap-2">
        {handle}
        <h3 id={`card-${card.id}-t`} className="min-w-0 flex-1 break-words font-semibold">
          <Link to={`/ideas/${card.id}`} className="link">
            {card.title}
          </Link>
        </h3>
      </div>
      <p className="mt-1 text-slate-700">{card.institution}</p>
      {card.principles.length ? (
        <p className="mt-1 flex flex-wrap gap-1">
          {card.principles.map((p) => (
            <span key={p} className="rounded-full border border-slate-500 px-2 text-xs">
              {t(`ideas:principleShort.${p}`)}
            </span>
          ))}
        </p>
      ) : null}
      <p className="mt-1 text-slate-700">
        {card.assignee ?? t("card.unassigned")} · {t("card.days", { count: card.days })} · {t("card.experiments", { count: card.experiments })} ·{" "}
        {t("card.supports", { count: card.supports })}
      </p>
      {canMove ? (
        <p className="mt-2 flex flex-wrap gap-3">
          <Link to={`/ideas/${card.id}/manage?returnTo=${encodeURIComponent(`/board#card-${card.id}`)}#move`} className="link" aria-describedby={`card-${card.id}-t`}>
            {t("card.moveTo")}
          </Link>
          {intake ? (
            <Link to={`/ideas/${card.id}/manage?returnTo=${encodeURIComponent(`/board#card-${card.id}`)}#triage`} className="link" aria-describedby={`card-${card.id}-t`}>
              {t("card.triage")}
            </Link>
          ) : null}
        </p>
      ) : null}
    </article>
  );
}

/** A card that can be dragged by its handle, with the mouse or the keyboard. */
export function SortableCard({ card, intake }: { card: BoardCard; intake: boolean }) {
  const { t } = useTranslation("board");
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({ id: card.id });
  return (
    <li ref={setNodeRef} style={{ transform: CSS.Translate.toString(transform), transition }} className={isDragging ? "opacity-60" : undefined}>
      <CardView
        card={card}
        canMove
        intake={intake}
        handle={
          <button
            type="button"
            ref={setActivatorNodeRef}
            {...attributes}
            {...listeners}
            aria-label={t("card.handle", { title: card.title })}
            className="cursor-grab rounded border border-slate-400 px-1 leading-5 text-slate-700 hover:bg-slate-100"
          >
            <span aria-hidden="true">⠿</span>
          </button>
        }
      />
    </li>
  );
}
