import {
  DndContext,
  KeyboardSensor,
  PointerSensor,
  closestCorners,
  useDroppable,
  useSensor,
  useSensors,
  type Announcements,
  type DragEndEvent,
  type DragOverEvent,
  type DragStartEvent,
  type UniqueIdentifier,
} from "@dnd-kit/core";
import { SortableContext, arrayMove, sortableKeyboardCoordinates, verticalListSortingStrategy } from "@dnd-kit/sortable";
import { Link, useFetcher, useLocation, useNavigate } from "@remix-run/react";
import { useEffect, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { BoardColumn } from "./board.server";
import { CardView, SortableCard, type CardLabels } from "./card";
import { useMessage } from "~/components/ui/message";
import { FORM_ID_FIELD, type FormReply } from "~/utils/form";
import { useHydrated } from "~/utils/use-hydrated";
import { isClosedKind } from "~/modules/stage/kinds";
import { COLUMN_PAGE } from "./columns";

type Columns = Record<string, BoardColumn["cards"]>;
const COLUMN_PREFIX = "col:";
const MOVE_FORM = "board-move";

function toColumns(columns: BoardColumn[]): Columns {
  return Object.fromEntries(columns.map((c) => [c.key, c.cards]));
}

/**
 * The board. Facilitators move cards by dragging, by keyboard (Space, arrows, Space) or with the
 * "Move to…" page; all three post the same action. Others see it read-only.
 */
/** Card labels with each distinct translation looked up once. */
function useCardLabels(): CardLabels {
  const { t, i18n } = useTranslation("board");
  return useMemo(() => {
    const cache = new Map<string, string>();
    const once = (key: string, count?: number) => {
      const id = `${key}|${count ?? ""}`;
      let value = cache.get(id);
      if (value === undefined) {
        value = count === undefined ? t(key) : t(key, { count });
        cache.set(id, value);
      }
      return value;
    };
    return {
      principle: (key) => once(`ideas:principleShort.${key}`),
      unassigned: once("card.unassigned"),
      days: (n) => once("card.days", n),
      experiments: (n) => once("card.experiments", n),
      supports: (n) => once("card.supports", n),
      moveTo: once("card.moveTo"),
      triage: once("card.triage"),
      handle: (title) => t("card.handle", { title }),
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [t, i18n.language]);
}

export function BoardView({ columns, canMove }: { columns: BoardColumn[]; canMove: boolean }) {
  const { t } = useTranslation("board");
  const labels = useCardLabels();
  // Drag and drop starts once the page runs in the browser; until then (and without JavaScript)
  // the "Move to…" links do the moving, and the server renders plain cards.
  const hydrated = useHydrated();
  const fetcher = useFetcher<FormReply>({ key: MOVE_FORM });
  const message = useMessage();
  const navigate = useNavigate();
  const location = useLocation();
  const [state, setState] = useState<Columns>(() => toColumns(columns));
  const snapshot = useRef<Columns | null>(null);
  const origin = useRef<{ column: string; index: number } | null>(null);
  // dnd-kit calls the drag handlers between renders; they read the columns of the latest render.
  const latest = useRef(state);
  // eslint-disable-next-line react-hooks/refs -- the handlers above need the rendered state synchronously (the board's drag and drop is reworked in its own issue)
  latest.current = state;

  // Settle to what the server says whenever the loader data changes.
  // eslint-disable-next-line react-hooks/set-state-in-effect -- a reset to the server's state, once per revalidation
  useEffect(() => setState(toColumns(columns)), [columns]);

  const meta = useMemo(() => new Map(columns.map((c) => [c.key, c])), [columns]);
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 5 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );

  const columnOf = (id: UniqueIdentifier, cols: Columns = latest.current) => {
    if (typeof id === "string" && id.startsWith(COLUMN_PREFIX)) return id.slice(COLUMN_PREFIX.length);
    return Object.keys(cols).find((key) => cols[key].some((c) => c.id === id));
  };
  const describe = (id: UniqueIdentifier) => {
    const key = columnOf(id);
    if (!key) return null;
    const cards = latest.current[key];
    const index = cards.findIndex((c) => c.id === id);
    return { column: meta.get(key)?.name ?? key, position: index + 1, total: cards.length };
  };
  const titleOf = (id: UniqueIdentifier) => {
    for (const cards of Object.values(latest.current)) {
      const card = cards.find((c) => c.id === id);
      if (card) return card.title;
    }
    return "";
  };

  /** Where the card would land if dropped over `overId`: the column and "position N of M". */
  const placeOver = (activeId: UniqueIdentifier, overId: UniqueIdentifier) => {
    const to = columnOf(overId);
    if (!to) return null;
    const cards = latest.current[to];
    const inColumn = cards.some((c) => c.id === activeId);
    const overIndex = cards.findIndex((c) => c.id === overId);
    const total = inColumn ? cards.length : cards.length + 1;
    const position = overIndex >= 0 ? overIndex + 1 : total;
    return { column: meta.get(to)?.name ?? to, position, total };
  };

  const announcements: Announcements = {
    onDragStart: ({ active }) => t("dnd.start", { title: titleOf(active.id), ...describe(active.id) }),
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
      return place ? t("dnd.over", place) : undefined;
    },
    onDragEnd: ({ active, over }) => {
      if (!over) return t("dnd.cancelled", { title: titleOf(active.id) });
      const place = placeOver(active.id, over.id);
      return place ? t("dnd.dropped", { title: titleOf(active.id), ...place }) : undefined;
    },
    onDragCancel: ({ active }) => t("dnd.cancelled", { title: titleOf(active.id) }),
  };

  function onDragStart({ active }: DragStartEvent) {
    snapshot.current = latest.current;
    const column = columnOf(active.id)!;
    origin.current = { column, index: latest.current[column].findIndex((c) => c.id === active.id) };
  }

  function onDragOver({ active, over }: DragOverEvent) {
    if (!over) return;
    const from = columnOf(active.id);
    const to = columnOf(over.id);
    if (!from || !to || from === to) return;
    // Closed columns are collapsed and ask for a closing note: the drop decides there.
    if (isClosedKind(meta.get(to)!.kind)) return;
    setState((cols) => {
      const moving = cols[from].find((c) => c.id === active.id);
      if (!moving) return cols;
      const target = cols[to];
      const overIndex = target.findIndex((c) => c.id === over.id);
      const index = overIndex >= 0 ? overIndex : target.length;
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
  }

  function onDragEnd({ active, over }: DragEndEvent) {
    const start = origin.current;
    if (!over || !start) return restore();
    const overColumn = columnOf(over.id);
    let column = columnOf(active.id);
    if (!overColumn || !column) return restore();
    const card = latest.current[column].find((c) => c.id === active.id)!;
    if (isClosedKind(meta.get(overColumn)!.kind) && !isClosedKind(meta.get(start.column)!.kind)) {
      // Closing asks for a note: finish on the card's "Move to…" page with the stage chosen.
      restore();
      navigate(`/ideas/${card.id}/manage?stage=${overColumn}&returnTo=${encodeURIComponent(location.pathname + location.search)}#move`);
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
    snapshot.current = null;
    origin.current = null;
    if (column === start.column && index === start.index) return;
    fetcher.submit(
      { [FORM_ID_FIELD]: MOVE_FORM, intent: "move", ideaId: card.id, version: card.version, stage: column, ...(index >= 0 ? { position: index + 1 } : {}) },
      { method: "post", action: `/board${location.search}` },
    );
  }

  // A refused move: every message of the reply (the whole form's and the fields'), and a gate's link.
  const reply = fetcher.state === "idle" && fetcher.data?.result.status === "error" ? fetcher.data : null;
  const messages = reply
    ? [...(reply.result.error?.[""] ?? []), ...Object.entries(reply.result.error ?? {}).flatMap(([field, errors]) => (field ? (errors ?? []) : []))]
    : [];

  const board = (
    <div className="flex gap-4 overflow-x-auto pb-4">
      {columns.map((column) => (
        <Column key={column.key} column={column} cards={state[column.key] ?? []} canMove={canMove} draggable={canMove && hydrated} labels={labels} />
      ))}
    </div>
  );

  return (
    <>
      <div aria-live="assertive" className="mb-2">
        {reply ? (
          <p role="alert" className="rounded-md border-l-4 border-red-700 bg-red-50 px-4 py-3 text-red-900">
            {messages.map((m) => message(m)).join(" ")}{" "}
            {reply.link ? (
              <Link to={reply.link} className="link font-semibold">
                {t("gates.fix")}
              </Link>
            ) : null}
          </p>
        ) : null}
      </div>
      {canMove && hydrated ? (
        <DndContext
          id="board"
          sensors={sensors}
          collisionDetection={closestCorners}
          onDragStart={onDragStart}
          onDragOver={onDragOver}
          onDragEnd={onDragEnd}
          onDragCancel={restore}
          accessibility={{ announcements, screenReaderInstructions: { draggable: t("dnd.instructions") } }}
        >
          {board}
        </DndContext>
      ) : (
        board
      )}
    </>
  );
}

function Column({
  column,
  cards,
  canMove,
  draggable,
  labels,
}: {
  column: BoardColumn;
  cards: BoardColumn["cards"];
  canMove: boolean;
  draggable: boolean;
  labels: CardLabels;
}) {
  const { t } = useTranslation("board");
  const location = useLocation();
  const over = column.wipLimit !== null && column.count > column.wipLimit;
  const closed = isClosedKind(column.kind);
  const headingId = `col-${column.key}-h`;
  const moreHref = () => {
    const params = new URLSearchParams(location.search);
    params.set(`show_${column.key}`, String(column.shown + COLUMN_PAGE));
    return `?${params}#col-${column.key}`;
  };
  const header = (
    <span className="flex flex-wrap items-baseline gap-x-2">
      <span id={headingId} className="font-semibold">
        {column.name}
      </span>
      <span className="text-sm text-slate-700">{t("column.count", { count: column.count })}</span>
      {column.wipLimit !== null ? (
        <span className={`text-sm ${over ? "font-semibold text-red-800" : "text-slate-700"}`}>
          {over ? t("column.overLimit", { limit: column.wipLimit }) : t("column.limit", { limit: column.wipLimit })}
        </span>
      ) : null}
    </span>
  );
  const list = (
    <ColumnList column={column} cards={cards} canMove={canMove} draggable={draggable} labels={labels} headingId={headingId}>
      {column.count > cards.length && column.shown < column.count ? (
        <Link to={moreHref()} className="link mt-2 block text-sm">
          {t("column.showMore", { shown: cards.length, total: column.count })}
        </Link>
      ) : null}
    </ColumnList>
  );
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
  const body = (
    <>
      <h2 className="mb-2">{header}</h2>
      {closed ? (
        <Link to={toggleHref()} className="link text-sm" aria-expanded={!column.collapsed} aria-describedby={headingId}>
          {column.collapsed ? t("column.expand") : t("column.collapse")}
        </Link>
      ) : null}
      {column.collapsed ? null : list}
    </>
  );
  const sectionProps = {
    id: `col-${column.key}`,
    "aria-labelledby": headingId,
    className: `w-72 shrink-0 rounded-lg p-3 ${over ? "border-2 border-red-700 bg-red-50" : "bg-slate-200"}`,
  };
  return draggable ? (
    <DroppableSection droppableId={`${COLUMN_PREFIX}${column.key}`} {...sectionProps}>
      {body}
    </DroppableSection>
  ) : (
    <section {...sectionProps}>{body}</section>
  );
}

/** A column that cards can be dropped on, even when it is collapsed or empty. */
function DroppableSection({ droppableId, children, ...props }: React.ComponentProps<"section"> & { droppableId: string }) {
  const { setNodeRef } = useDroppable({ id: droppableId });
  return (
    <section ref={setNodeRef} {...props}>
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
  children,
}: {
  column: BoardColumn;
  cards: BoardColumn["cards"];
  canMove: boolean;
  draggable: boolean;
  labels: CardLabels;
  headingId: string;
  children: React.ReactNode;
}) {
  const intake = column.kind === "INTAKE";
  if (!draggable) {
    return (
      <>
        <ul className="mt-2 space-y-2" aria-labelledby={headingId}>
          {cards.map((card) => (
            <li key={card.id}>
              <CardView card={card} labels={labels} canMove={canMove} intake={intake} />
            </li>
          ))}
        </ul>
        {children}
      </>
    );
  }
  return (
    <DroppableList column={column} cards={cards} labels={labels} headingId={headingId} intake={intake}>
      {children}
    </DroppableList>
  );
}

function DroppableList({
  column,
  cards,
  labels,
  headingId,
  intake,
  children,
}: {
  column: BoardColumn;
  cards: BoardColumn["cards"];
  labels: CardLabels;
  headingId: string;
  intake: boolean;
  children: React.ReactNode;
}) {
  return (
    <SortableContext id={column.key} items={cards.map((c) => c.id)} strategy={verticalListSortingStrategy}>
      <ul className="mt-2 min-h-[3rem] space-y-2" aria-labelledby={headingId}>
        {cards.map((card) => (
          <SortableCard key={card.id} card={card} labels={labels} intake={intake} />
        ))}
      </ul>
      {children}
    </SortableContext>
  );
}
