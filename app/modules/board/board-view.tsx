import {
  DndContext,
  DragOverlay,
  KeyboardSensor,
  MeasuringStrategy,
  PointerSensor,
  useDroppable,
  useSensor,
  useSensors,
  type Announcements,
  type CollisionDetection,
  type DragEndEvent,
  type DragOverEvent,
  type DragStartEvent,
  type KeyboardCoordinateGetter,
  type Modifier,
  type UniqueIdentifier,
} from "@dnd-kit/core";
import { SortableContext, arrayMove, verticalListSortingStrategy } from "@dnd-kit/sortable";
import { getEventCoordinates } from "@dnd-kit/utilities";
import { Link, useFetcher, useLocation } from "@remix-run/react";
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { TFunction } from "i18next";
import type { BoardCard, BoardColumn } from "./board.server";
import { CardView, SortableCard, type CardLabels, type Density } from "./card";
import { CloseDialog, type Closing } from "./close-dialog";
import { useMessage } from "~/components/ui/message";
import { FORM_ID_FIELD, type FormReply } from "~/utils/form";
import { useHydrated } from "~/utils/use-hydrated";
import { isClosedKind } from "~/modules/stage/kinds";
import { COLUMN_PAGE } from "./columns";

type Columns = Record<string, BoardCard[]>;
const COLUMN_PREFIX = "col:";
const MOVE_FORM = "board-move";
const isColumnId = (id: UniqueIdentifier) => typeof id === "string" && id.startsWith(COLUMN_PREFIX);

// Layout effects run before the browser can deliver the next pointer event; there is no layout on the server.
const useIsomorphicLayoutEffect = typeof window === "undefined" ? useEffect : useLayoutEffect;

function toColumns(columns: BoardColumn[]): Columns {
  return Object.fromEntries(columns.map((c) => [c.key, c.cards]));
}

// Count labels ("12 days in stage") are translated once per language, key and plural form, and
// the number put in: a board shows hundreds of cards, and a translation call per number was a
// good share of its rendering time.
const PLACEHOLDER = "\u0001";
const templates = new Map<string, string>();
const pluralRules = new Map<string, Intl.PluralRules>();

function countLabel(t: TFunction, language: string, key: string, n: number) {
  let rules = pluralRules.get(language);
  if (!rules) pluralRules.set(language, (rules = new Intl.PluralRules(language)));
  // i18next prefers the "_zero" form for 0 in every language.
  const id = `${language}|${key}|${n === 0 ? "zero" : rules.select(n)}`;
  let template = templates.get(id);
  if (template === undefined) {
    template = t(key, { count: n, replace: { count: PLACEHOLDER } });
    templates.set(id, template);
  }
  return template.replace(PLACEHOLDER, String(n));
}

/** Card labels, each translation looked up once (once per plural form for counts, not per card). */
function useCardLabels(): CardLabels {
  const { t, i18n } = useTranslation("board");
  const language = i18n.language;
  return useMemo(() => {
    const cache = new Map<string, string>();
    const once = (key: string) => {
      let value = cache.get(key);
      if (value === undefined) cache.set(key, (value = t(key)));
      return value;
    };
    const count = (key: string) => (n: number) => countLabel(t, language, key, n);
    return {
      principle: (key) => once(`ideas:principleShort.${key}`),
      unassigned: once("card.unassigned"),
      days: count("card.days"),
      experiments: count("card.experiments"),
      supports: count("card.supports"),
      short: { days: count("card.short.days"), experiments: count("card.short.experiments"), supports: count("card.short.supports") },
      moveTo: once("card.moveTo"),
      triage: once("card.triage"),
      handle: (title) => t("card.handle", { title }),
    };
  }, [t, language]);
}

/**
 * Where a drop lands: the card under the pointer, else the column under it, else the nearest
 * column. The dragged card's outline plays no part (it hangs over the next column). The keyboard
 * has no pointer: there the top-left corner of the moved card decides, which the keyboard's
 * coordinates below put on the target card or column.
 */
const dropTarget: CollisionDetection = ({ pointerCoordinates, collisionRect, droppableContainers, droppableRects }) => {
  const point = pointerCoordinates ?? { x: collisionRect.left + 8, y: collisionRect.top + 8 };
  let column: UniqueIdentifier | null = null;
  let nearest: { id: UniqueIdentifier; distance: number } | null = null;
  for (const container of droppableContainers) {
    const rect = droppableRects.get(container.id);
    if (!rect) continue;
    const inside = point.x >= rect.left && point.x <= rect.right && point.y >= rect.top && point.y <= rect.bottom;
    if (isColumnId(container.id)) {
      if (inside) column = container.id;
      const distance = point.x < rect.left ? rect.left - point.x : point.x > rect.right ? point.x - rect.right : 0;
      if (!nearest || distance < nearest.distance) nearest = { id: container.id, distance };
    } else if (inside) {
      return [{ id: container.id }];
    }
  }
  const id = column ?? nearest?.id;
  return id === undefined ? [] : [{ id }];
};

/** The dragged copy hangs under the pointer, centred on it, rather than where the handle was grabbed. */
const underPointer: Modifier = ({ activatorEvent, draggingNodeRect, transform }) => {
  const at = activatorEvent && !(activatorEvent instanceof KeyboardEvent) ? getEventCoordinates(activatorEvent) : null;
  if (!draggingNodeRect || !at) return transform;
  return {
    ...transform,
    x: transform.x + at.x - draggingNodeRect.left - draggingNodeRect.width / 2,
    y: transform.y + at.y - draggingNodeRect.top - 16,
  };
};

/**
 * The board. Facilitators move cards by dragging, by keyboard (Space, arrows, Space) or with the
 * "Move to…" page; all three post the same action. Others see it read-only.
 */
export function BoardView({ columns, canMove, density }: { columns: BoardColumn[]; canMove: boolean; density: Density }) {
  const { t } = useTranslation("board");
  const labels = useCardLabels();
  // Drag and drop starts once the page runs in the browser; until then (and without JavaScript)
  // the "Move to…" links do the moving, and the server renders plain cards.
  const hydrated = useHydrated();
  const fetcher = useFetcher<FormReply>({ key: MOVE_FORM });
  const message = useMessage();
  const location = useLocation();
  const [state, setState] = useState<Columns>(() => toColumns(columns));
  const [activeId, setActiveId] = useState<UniqueIdentifier | null>(null);
  const [closing, setClosing] = useState<Closing | null>(null);
  // What the polite live region says after a move was saved (the drop itself only says "moving").
  const [saved, setSaved] = useState("");
  // The columns before the drag: kept until the server has answered, to put a refused card back.
  const snapshot = useRef<Columns | null>(null);
  const origin = useRef<{ column: string; index: number } | null>(null);
  const sent = useRef<{ id: number; title: string; column: string; position: number; keyboard: boolean } | null>(null);
  const [refusedTitle, setRefusedTitle] = useState("");
  const keyboard = useRef(false);
  // A card whose handle takes the focus once it is rendered where it now is.
  const [focusCard, setFocusCard] = useState<{ id: number } | null>(null);
  // dnd-kit calls the drag handlers between renders; they read the columns of the latest render.
  const latest = useRef(state);
  useIsomorphicLayoutEffect(() => {
    latest.current = state;
  });

  const meta = useMemo(() => new Map(columns.map((c) => [c.key, c])), [columns]);
  const order = useMemo(() => columns.map((c) => c.key), [columns]);
  const columnName = (key: string) => meta.get(key)?.name ?? key;

  // Settle to what the server says whenever the loader data changes.
  // eslint-disable-next-line react-hooks/set-state-in-effect -- a reset to the server's state, once per revalidation
  useEffect(() => setState(toColumns(columns)), [columns]);

  // The server's answer to a drag or keyboard move: a refused card goes back where it was and
  // keeps the focus; a saved one is announced with its new place.
  useEffect(() => {
    const move = sent.current;
    if (fetcher.state !== "idle" || !move || !fetcher.data) return;
    sent.current = null;
    if (fetcher.data.result.status === "error") {
      // Back to what the server says (the board is reloaded after an answer: a card someone else
      // moved meanwhile shows where it now is).
      // eslint-disable-next-line react-hooks/set-state-in-effect -- the server's answer arrives outside React, once per move
      setState(toColumns(columns));
      setRefusedTitle(move.title);
      setFocusCard({ id: move.id });
      setSaved("");
    } else {
      setSaved(t("dnd.moved", { title: move.title, column: columnName(move.column), position: move.position }));
      if (move.keyboard) setFocusCard({ id: move.id });
    }
    snapshot.current = null;
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [fetcher.state, fetcher.data]);

  useEffect(() => {
    if (focusCard) document.querySelector<HTMLElement>(`#card-${focusCard.id} [data-handle]`)?.focus();
  }, [focusCard]);

  const columnOf = (id: UniqueIdentifier, cols: Columns = latest.current) => {
    if (isColumnId(id)) return (id as string).slice(COLUMN_PREFIX.length);
    return Object.keys(cols).find((key) => cols[key].some((c) => c.id === id));
  };
  const cardOf = (id: UniqueIdentifier) => {
    for (const cards of Object.values(latest.current)) {
      const card = cards.find((c) => c.id === id);
      if (card) return card;
    }
    return undefined;
  };
  const describe = (id: UniqueIdentifier) => {
    const key = columnOf(id);
    if (!key) return null;
    const cards = latest.current[key];
    const index = cards.findIndex((c) => c.id === id);
    return { column: columnName(key), position: index + 1, total: cards.length };
  };

  /** Where the card would land if dropped over `overId`: the column and "position N of M". */
  const placeOver = (activeId: UniqueIdentifier, overId: UniqueIdentifier) => {
    const to = columnOf(overId);
    if (!to) return null;
    if (isClosedKind(meta.get(to)!.kind)) return { column: columnName(to), closing: true, position: 0, total: 0 };
    const cards = latest.current[to];
    const inColumn = cards.some((c) => c.id === activeId);
    const overIndex = cards.findIndex((c) => c.id === overId);
    const total = inColumn ? cards.length : cards.length + 1;
    const position = overIndex >= 0 ? overIndex + 1 : total;
    return { column: columnName(to), closing: false, position, total };
  };

  /**
   * The keyboard's moves: left and right to the next column (collapsed and closed ones too), up
   * and down to the next card of the column. The returned point is where the moved card's top-left
   * corner goes, on the target card or column, so that dropTarget finds it.
   */
  const keyboardCoordinates: KeyboardCoordinateGetter = (event, { context: { active, over, droppableRects } }) => {
    const step = { ArrowRight: 1, ArrowLeft: -1, ArrowDown: 1, ArrowUp: -1 }[event.code];
    if (!step || !active) return undefined;
    event.preventDefault();
    const cols = latest.current;
    const current = columnOf(over?.id ?? active.id) ?? columnOf(active.id);
    if (!current) return undefined;
    let target: UniqueIdentifier | undefined;
    if (event.code === "ArrowRight" || event.code === "ArrowLeft") {
      const next = order[order.indexOf(current) + step];
      if (!next) return undefined;
      const first = (cols[next] ?? []).find((c) => c.id !== active.id);
      target = first && !isClosedKind(meta.get(next)!.kind) ? first.id : `${COLUMN_PREFIX}${next}`;
    } else {
      const cards = cols[current] ?? [];
      const at = cards.findIndex((c) => c.id === (over && !isColumnId(over.id) ? over.id : active.id));
      target = cards[at + step]?.id;
    }
    const rect = target === undefined ? undefined : droppableRects.get(target);
    return rect ? { x: rect.left, y: rect.top } : undefined;
  };

  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 5 } }),
    useSensor(KeyboardSensor, { coordinateGetter: keyboardCoordinates }),
  );
  const noSensors = useSensors();

  const announcements: Announcements = {
    onDragStart: ({ active }) => t("dnd.start", { title: cardOf(active.id)?.title ?? "", ...describe(active.id) }),
    onDragOver: ({ active, over }) => {
      if (!over) return t("dnd.outside");
      // Right after pick-up the card is over itself: keep the pick-up announcement.
      if (
        over.id === active.id &&
        origin.current &&
        describe(active.id)?.position === origin.current.index + 1 &&
        columnOf(active.id) === origin.current.column
      )
        return undefined;
      const place = placeOver(active.id, over.id);
      if (!place) return undefined;
      return place.closing ? t("dnd.overClosed", place) : t("dnd.over", place);
    },
    onDragEnd: ({ active, over }) => {
      const title = cardOf(active.id)?.title ?? "";
      if (!over) return t("dnd.cancelled", { title });
      const place = placeOver(active.id, over.id);
      if (!place) return undefined;
      // Not "placed" yet: the server may refuse. The answer is announced when it comes.
      return place.closing ? t("dnd.closing", { title, ...place }) : t("dnd.dropped", { title, ...place });
    },
    onDragCancel: ({ active }) => t("dnd.cancelled", { title: cardOf(active.id)?.title ?? "" }),
  };

  function onDragStart({ active, activatorEvent }: DragStartEvent) {
    snapshot.current = latest.current;
    keyboard.current = activatorEvent instanceof KeyboardEvent;
    const column = columnOf(active.id)!;
    origin.current = { column, index: latest.current[column].findIndex((c) => c.id === active.id) };
    setActiveId(active.id);
    setSaved("");
  }

  function onDragOver({ active, over }: DragOverEvent) {
    if (!over) return;
    const from = columnOf(active.id);
    const to = columnOf(over.id);
    if (!from || !to || from === to) return;
    // Closed columns are collapsed and ask for a closing note: the drop decides there.
    if (isClosedKind(meta.get(to)!.kind)) return;
    // Below the middle of the card under the pointer, the card goes after it.
    const translated = active.rect.current.translated;
    const below = !isColumnId(over.id) && translated ? translated.top > over.rect.top + over.rect.height / 2 : false;
    setState((cols) => {
      const moving = cols[from].find((c) => c.id === active.id);
      if (!moving) return cols;
      const target = cols[to];
      const overIndex = target.findIndex((c) => c.id === over.id);
      const index = overIndex >= 0 ? overIndex + (below ? 1 : 0) : target.length;
      return {
        ...cols,
        [from]: cols[from].filter((c) => c.id !== active.id),
        [to]: [...target.slice(0, index), moving, ...target.slice(index)],
      };
    });
  }

  function restore() {
    if (snapshot.current) setState(snapshot.current);
    snapshot.current = null;
    origin.current = null;
    setActiveId(null);
  }

  function onDragEnd({ active, over }: DragEndEvent) {
    const start = origin.current;
    setActiveId(null);
    if (!over || !start) return restore();
    const overColumn = columnOf(over.id);
    let column = columnOf(active.id);
    if (!overColumn || !column) return restore();
    const card = latest.current[column].find((c) => c.id === active.id)!;
    if (isClosedKind(meta.get(overColumn)!.kind) && !isClosedKind(meta.get(start.column)!.kind)) {
      // Closing asks for a note: the dialog sends the move when the note is written.
      restore();
      setClosing({ card, stage: overColumn, stageName: columnName(overColumn) });
      return;
    }
    // Where the card lands in its column. A closed column is never previewed (the card is not in it
    // yet): there it goes to the end.
    let index = -1;
    if (overColumn === column) {
      let cards = latest.current[column];
      const oldIndex = cards.findIndex((c) => c.id === active.id);
      const newIndex = cards.findIndex((c) => c.id === over.id);
      if (newIndex >= 0 && newIndex !== oldIndex) {
        cards = arrayMove(cards, oldIndex, newIndex);
        setState((cols) => ({ ...cols, [column!]: cards }));
      }
      index = cards.findIndex((c) => c.id === active.id);
    } else {
      column = overColumn;
    }
    origin.current = null;
    if (column === start.column && index === start.index) {
      snapshot.current = null;
      return;
    }
    sent.current = {
      id: card.id,
      title: card.title,
      column,
      position: index >= 0 ? index + 1 : (latest.current[column]?.length ?? 0),
      keyboard: keyboard.current,
    };
    fetcher.submit(
      { [FORM_ID_FIELD]: MOVE_FORM, intent: "move", ideaId: card.id, version: card.version, stage: column, ...(index >= 0 ? { position: index + 1 } : {}) },
      { method: "post", action: `/board${location.search}` },
    );
  }

  function closeDialog(done: boolean) {
    const card = closing?.card;
    if (done && closing) setSaved(t("close.done", { title: closing.card.title, column: closing.stageName }));
    setClosing(null);
    if (!done && card) setFocusCard({ id: card.id });
  }

  // A refused move: every message of the reply (the whole form's and the fields'), and a gate's link.
  const reply = fetcher.state === "idle" && fetcher.data?.result.status === "error" ? fetcher.data : null;
  const messages = reply
    ? [...(reply.result.error?.[""] ?? []), ...Object.entries(reply.result.error ?? {}).flatMap(([field, errors]) => (field ? (errors ?? []) : []))]
    : [];

  const draggable = canMove && hydrated;
  const activeCard = activeId === null ? undefined : Object.values(state).flatMap((cards) => cards.filter((c) => c.id === activeId))[0];
  const board = (
    <div
      role="region"
      tabIndex={0}
      aria-label={t("scroll.label")}
      aria-describedby="board-scroll-help"
      className="-mx-4 flex snap-x snap-mandatory items-start gap-2 overflow-x-auto pb-2 focus-visible:outline focus-visible:outline-4 focus-visible:outline-offset-2 focus-visible:outline-blue-700 md:mx-0 md:max-h-[calc(100vh-3rem)] md:snap-none md:overflow-auto md:px-0"
    >
      {columns.map((column) => (
        <Column key={column.key} column={column} cards={state[column.key] ?? []} canMove={canMove} draggable={draggable} labels={labels} density={density} />
      ))}
    </div>
  );

  return (
    <>
      <JumpLinks columns={columns} />
      <p id="board-scroll-help" className="sr-only">
        {t("scroll.help")}
      </p>
      <div aria-live="assertive" className="mb-2">
        {reply ? (
          <p role="alert" className="rounded-md border-l-4 border-red-700 bg-red-50 px-4 py-3 text-red-900">
            {t("dnd.refused", { title: refusedTitle })} {messages.map((m) => message(m)).join(" ")}{" "}
            {reply.link ? (
              <Link to={reply.link} className="link font-semibold">
                {t("gates.fix")}
              </Link>
            ) : null}
          </p>
        ) : null}
      </div>
      <p aria-live="polite" className="sr-only" data-testid="board-saved">
        {saved}
      </p>
      {/* The same tree before and after the page starts running, so that nothing is rebuilt when
          dragging becomes possible; until then there are no sensors and no handles. */}
      <DndContext
        id="board"
        sensors={draggable ? sensors : noSensors}
        collisionDetection={dropTarget}
        measuring={{ droppable: { strategy: MeasuringStrategy.Always } }}
        onDragStart={onDragStart}
        onDragOver={onDragOver}
        onDragEnd={onDragEnd}
        onDragCancel={restore}
        accessibility={{ announcements, screenReaderInstructions: { draggable: t("dnd.instructions") } }}
      >
        {board}
        {draggable ? (
          <DragOverlay modifiers={[underPointer]} dropAnimation={null}>
            {activeCard ? (
              <div className="shadow-xl">
                <CardView card={activeCard} labels={labels} canMove={false} intake={false} density={density} />
              </div>
            ) : null}
          </DragOverlay>
        ) : null}
      </DndContext>
      {closing ? <CloseDialog closing={closing} onClose={closeDialog} /> : null}
    </>
  );
}

/** Links to each column: a way to jump across the board, and on a phone the column switcher. */
function JumpLinks({ columns }: { columns: BoardColumn[] }) {
  const { t } = useTranslation("board");
  return (
    <nav aria-label={t("jump.label")} className="mb-2">
      <ul className="-mx-4 flex gap-1 overflow-x-auto px-4 pb-1 text-sm md:mx-0 md:flex-wrap md:px-0">
        {columns.map((column) => (
          <li key={column.key}>
            <a
              href={`#col-${column.key}`}
              className="block whitespace-nowrap rounded border border-slate-400 bg-white px-2 py-1 text-blue-900 underline hover:bg-slate-100"
            >
              {column.name} <span className="text-slate-700">({column.count})</span>
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

function Column({
  column,
  cards,
  canMove,
  draggable,
  labels,
  density,
}: {
  column: BoardColumn;
  cards: BoardCard[];
  canMove: boolean;
  draggable: boolean;
  labels: CardLabels;
  density: Density;
}) {
  const { t } = useTranslation("board");
  const location = useLocation();
  const over = column.wipLimit !== null && column.count > column.wipLimit;
  const closed = isClosedKind(column.kind);
  const headingId = `col-${column.key}-h`;
  const compact = density === "compact";
  const moreHref = () => {
    const params = new URLSearchParams(location.search);
    params.set(`show_${column.key}`, String(column.shown + COLUMN_PAGE));
    return `?${params}#col-${column.key}`;
  };
  const toggleHref = () => {
    const params = new URLSearchParams(location.search);
    const open = new Set((params.get("open") ?? "").split(",").filter(Boolean));
    if (column.collapsed) open.add(column.key);
    else open.delete(column.key);
    if (open.size) params.set("open", [...open].join(","));
    else params.delete("open");
    const query = params.toString();
    return `${location.pathname}${query ? `?${query}` : ""}#col-${column.key}`;
  };
  const tone = over ? "bg-red-50" : "bg-slate-200";
  const body = (
    <>
      {/* The header stays in view while the column scrolls. */}
      <div className={`sticky top-0 z-10 -mx-2 -mt-2 mb-2 rounded-t-lg px-2 pt-2 pb-1 ${tone}`}>
        <h2 className="flex flex-wrap items-baseline gap-x-2">
          <span id={headingId} className="font-semibold">
            {column.name}
          </span>
          <span className="text-sm text-slate-700">{t("column.count", { count: column.count })}</span>
          {column.wipLimit !== null ? (
            <span className={`text-sm ${over ? "font-semibold text-red-800" : "text-slate-700"}`}>
              {over ? t("column.overLimit", { limit: column.wipLimit }) : t("column.limit", { limit: column.wipLimit })}
            </span>
          ) : null}
        </h2>
        {closed ? (
          <Link to={toggleHref()} className="link text-sm" aria-expanded={!column.collapsed} aria-describedby={headingId}>
            {column.collapsed ? t("column.expand") : t("column.collapse")}
          </Link>
        ) : null}
      </div>
      {column.collapsed ? null : (
        <ColumnList column={column} cards={cards} canMove={canMove} draggable={draggable} labels={labels} headingId={headingId} density={density}>
          {column.count > cards.length && column.shown < column.count ? (
            <Link to={moreHref()} className="link mt-2 block text-sm">
              {t("column.showMore", { shown: cards.length, total: column.count })}
            </Link>
          ) : null}
        </ColumnList>
      )}
    </>
  );
  // On a phone each column takes the whole width (one at a time); wider, they sit side by side,
  // collapsed closed ones narrow, and compact ones share the width.
  const width = column.collapsed
    ? `${compact ? "md:w-28" : "md:w-36"} md:min-w-0 md:shrink-0`
    : compact
      ? "md:min-w-[9.5rem] md:flex-1 md:basis-40"
      : "md:w-72 md:min-w-0 md:shrink-0";
  const sectionProps = {
    id: `col-${column.key}`,
    "aria-labelledby": headingId,
    className: `min-w-full snap-start p-2 scroll-mt-4 md:rounded-lg ${width} ${over ? "border-2 border-red-700 bg-red-50" : "bg-slate-200"}`,
  };
  return (
    <DroppableSection droppableId={`${COLUMN_PREFIX}${column.key}`} disabled={!draggable} {...sectionProps}>
      {body}
    </DroppableSection>
  );
}

/** A column that cards can be dropped on, even when it is collapsed or empty. */
function DroppableSection({ droppableId, disabled, children, ...props }: React.ComponentProps<"section"> & { droppableId: string; disabled: boolean }) {
  const { setNodeRef, isOver } = useDroppable({ id: droppableId, disabled });
  return (
    <section
      ref={setNodeRef}
      {...props}
      data-over={isOver ? "" : undefined}
      className={`${props.className} ${isOver ? "outline outline-4 outline-blue-700" : ""}`}
    >
      {children}
    </section>
  );
}

function ColumnList({
  column,
  cards,
  canMove,
  draggable,
  labels,
  headingId,
  density,
  children,
}: {
  column: BoardColumn;
  cards: BoardCard[];
  canMove: boolean;
  draggable: boolean;
  labels: CardLabels;
  headingId: string;
  density: Density;
  children: React.ReactNode;
}) {
  const intake = column.kind === "INTAKE";
  const gap = density === "compact" ? "space-y-1" : "space-y-2";
  return (
    <SortableContext id={column.key} items={cards.map((c) => c.id)} strategy={verticalListSortingStrategy}>
      <ul className={`min-h-[3rem] ${gap}`} aria-labelledby={headingId}>
        {cards.map((card) => (
          <SortableCard key={card.id} card={card} labels={labels} intake={intake} density={density} canMove={canMove} draggable={draggable} />
        ))}
      </ul>
      {children}
    </SortableContext>
  );
}
