import { useSortable } from "@dnd-kit/sortable";
import { useLocation } from "@remix-run/react";
import { CSS } from "@dnd-kit/utilities";
import { forwardRef } from "react";
import type { BoardCard } from "./board.server";
import { Highlighted } from "~/components/ui/highlight";

/** The board's two densities: the full card, or one line of figures under the title. */
export type Density = "comfortable" | "compact";

/** Translations for cards, worked out once per board render rather than once per card. */
export type CardLabels = {
  principle: (key: string) => string;
  unassigned: string;
  days: (n: number) => string;
  experiments: (n: number) => string;
  supports: (n: number) => string;
  /** The compact card's short forms ("12 d."), read out in full from the long ones. */
  short: { days: (n: number) => string; experiments: (n: number) => string; supports: (n: number) => string };
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
  density = "comfortable",
  handle,
}: {
  card: BoardCard;
  labels: CardLabels;
  canMove: boolean;
  intake: boolean;
  density?: Density;
  handle?: React.ReactNode;
}) {
  const titleId = `card-${card.id}-t`;
  // Back to the board as it was (filters, columns shown), at this card; the manage page goes back
  // to the plain board at this card by itself.
  const { search } = useLocation();
  const manage = `/ideas/${card.id}/manage${search ? `?returnTo=${encodeURIComponent(`/board${search}#card-${card.id}`)}` : ""}`;
  const compact = density === "compact";
  const links = canMove ? (
    <p className={`flex flex-wrap gap-x-3 ${compact ? "text-xs" : "mt-2"}`}>
      <a href={`${manage}#move`} className="link" aria-describedby={titleId}>
        {labels.moveTo}
      </a>
      {intake ? (
        <a href={`${manage}#triage`} className="link" aria-describedby={titleId}>
          {labels.triage}
        </a>
      ) : null}
    </p>
  ) : null;
  const title = (
    <div className="flex items-start gap-2">
      {handle}
      <h3 id={titleId} className="min-w-0 flex-1 break-words font-semibold">
        <a href={`/ideas/${card.id}`} className="link" lang={card.language}>
          <Highlighted text={card.title} />
        </a>
      </h3>
    </div>
  );
  if (compact) {
    // The title, one line of figures and the institution (cut short if need be), then the handle and links.
    const figure = (short: (n: number) => string, long: (n: number) => string, n: number) => (
      <>
        <span aria-hidden="true">{short(n)}</span>
        <span className="sr-only">{long(n)}</span>
      </>
    );
    return (
      <article id={`card-${card.id}`} aria-labelledby={titleId} className="card-compact">
        <h3 id={titleId} className="line-clamp-2 break-words text-[0.8125rem] font-semibold leading-5">
          <a href={`/ideas/${card.id}`} className="link" lang={card.language}>
            <Highlighted text={card.title} />
          </a>
        </h3>
        <p className="truncate text-slate-700">
          {figure(labels.short.days, labels.days, card.days)} · {figure(labels.short.experiments, labels.experiments, card.experiments)} ·{" "}
          {figure(labels.short.supports, labels.supports, card.supports)} · {card.institution}
        </p>
        {handle || links ? (
          <div className="mt-0.5 flex items-center gap-2">
            {handle}
            {links}
          </div>
        ) : null}
      </article>
    );
  }
  return (
    <article id={`card-${card.id}`} aria-labelledby={titleId} className="card">
      {title}
      <p className="card-meta">{card.institution}</p>
      {card.principles.length ? (
        <p className="mt-1 flex flex-wrap gap-1">
          {card.principles.map((p) => (
            <span key={p} className="chip">
              {labels.principle(p)}
            </span>
          ))}
        </p>
      ) : null}
      {/* One string: no markers between the parts in the page. */}
      <p className="card-meta">{`${card.assignee ?? labels.unassigned} · ${labels.days(card.days)} · ${labels.experiments(card.experiments)} · ${labels.supports(card.supports)}`}</p>
      {links}
    </article>
  );
}

/** The drag handle: at least 24 × 24 CSS px, 44 × 44 on touch screens. */
export const Handle = forwardRef<HTMLButtonElement, React.ComponentProps<"button"> & { label: string }>(function Handle({ label, ...props }, ref) {
  return (
    <button
      ref={ref}
      type="button"
      data-handle=""
      {...props}
      aria-label={label}
      className="flex h-6 w-6 shrink-0 cursor-grab touch-none items-center justify-center rounded border border-slate-500 text-slate-800 hover:bg-slate-100 coarse:h-11 coarse:w-11"
    >
      <span aria-hidden="true">⠿</span>
    </button>
  );
});

/**
 * A card that can be dragged by its handle, with the mouse or the keyboard. While it is dragged,
 * a copy follows the pointer and this place shows as a dashed gap: where the card will land.
 */
export function SortableCard({
  card,
  labels,
  intake,
  density,
  canMove,
  draggable,
}: {
  card: BoardCard;
  labels: CardLabels;
  intake: boolean;
  density: Density;
  canMove: boolean;
  /** False on the server, before the page runs, and for those who may not move cards: no handle. */
  draggable: boolean;
}) {
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({ id: card.id, disabled: !draggable });
  return (
    <li
      ref={setNodeRef}
      style={{ transform: CSS.Translate.toString(transform), transition }}
      className={isDragging ? "rounded border-2 border-dashed border-slate-600 [&>*]:invisible" : undefined}
      data-dragging={isDragging ? "" : undefined}
    >
      <CardView
        card={card}
        labels={labels}
        canMove={canMove}
        intake={intake}
        density={density}
        handle={draggable ? <Handle ref={setActivatorNodeRef} {...attributes} {...listeners} label={labels.handle(card.title)} /> : null}
      />
    </li>
  );
}
