import { useSortable } from "@dnd-kit/sortable";
import { useLocation } from "@remix-run/react";
import { CSS } from "@dnd-kit/utilities";
import type { BoardCard } from "./board.server";

/** Translations for cards, worked out once per board render rather than once per card. */
export type CardLabels = {
  principle: (key: string) => string;
  unassigned: string;
  days: (n: number) => string;
  experiments: (n: number) => string;
  supports: (n: number) => string;
  moveTo: string;
  triage: string;
  handle: (title: string) => string;
};

/** One idea on the board. Lean markup and plain links: a board holds hundreds of these. */
export function CardView({
  card,
  labels,
  canMove,
  intake,
  handle,
}: {
  card: BoardCard;
  labels: CardLabels;
  canMove: boolean;
  intake: boolean;
  handle?: React.ReactNode;
}) {
  const titleId = `card-${card.id}-t`;
  // Back to the board as it was (filters, columns shown), at this card.
  const { search } = useLocation();
  const back = encodeURIComponent(`/board${search}#card-${card.id}`);
  return (
    <article id={`card-${card.id}`} aria-labelledby={titleId} className="rounded border border-slate-300 bg-white p-3 text-sm shadow-sm">
      <div className="flex items-start gap-2">
        {handle}
        <h3 id={titleId} className="min-w-0 flex-1 break-words font-semibold">
          <a href={`/ideas/${card.id}`} className="link">
            {card.title}
          </a>
        </h3>
      </div>
      <p className="mt-1 text-slate-700">{card.institution}</p>
      {card.principles.length ? (
        <p className="mt-1 flex flex-wrap gap-1">
          {card.principles.map((p) => (
            <span key={p} className="rounded-full border border-slate-500 px-2 text-xs">
              {labels.principle(p)}
            </span>
          ))}
        </p>
      ) : null}
      <p className="mt-1 text-slate-700">
        {card.assignee ?? labels.unassigned} · {labels.days(card.days)} · {labels.experiments(card.experiments)} · {labels.supports(card.supports)}
      </p>
      {canMove ? (
        <p className="mt-2 flex flex-wrap gap-3">
          <a href={`/ideas/${card.id}/manage?returnTo=${back}#move`} className="link" aria-describedby={titleId}>
            {labels.moveTo}
          </a>
          {intake ? (
            <a href={`/ideas/${card.id}/manage?returnTo=${back}#triage`} className="link" aria-describedby={titleId}>
              {labels.triage}
            </a>
          ) : null}
        </p>
      ) : null}
    </article>
  );
}

/** A card that can be dragged by its handle, with the mouse or the keyboard. */
export function SortableCard({ card, labels, intake }: { card: BoardCard; labels: CardLabels; intake: boolean }) {
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({ id: card.id });
  return (
    <li ref={setNodeRef} style={{ transform: CSS.Translate.toString(transform), transition }} className={isDragging ? "opacity-60" : undefined}>
      <CardView
        card={card}
        labels={labels}
        canMove
        intake={intake}
        handle={
          <button
            type="button"
            ref={setActivatorNodeRef}
            {...attributes}
            {...listeners}
            aria-label={labels.handle(card.title)}
            className="cursor-grab rounded border border-slate-400 px-1 leading-5 text-slate-700 hover:bg-slate-100"
          >
            <span aria-hidden="true">⠿</span>
          </button>
        }
      />
    </li>
  );
}
