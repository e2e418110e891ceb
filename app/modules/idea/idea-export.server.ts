// GET /ideas/export.csv and /ideas/export.xlsx: every idea the user may see under the /ideas
// filters, read in pages, with its whole brief. One reading of the ideas, two writers: the CSV for
// machines (the brief's field names and codes as columns and values, ISO times), the spreadsheet for
// people (headings, stages, statuses and principles in the reader's language, dates as dates).
import type { TFunction } from "i18next";
import { requirePermission, type SessionUser } from "~/utils/auth.server";
import { prisma } from "~/utils/db.server";
import { type Locale, localName } from "~/utils/i18n";
import { csvStream, mapPages } from "~/utils/csv";
import { rowsOf, xlsxStream, type XlsxColumn } from "~/utils/xlsx.server";
import { BRIEF_FIELDS, BRIEF_SELECT, briefOf, type Brief } from "./brief";
import type { IdeaFilters } from "./idea.schema";
import { matchingIdeaIds } from "./idea-queries.server";

export const EXPORT_COLUMNS = [
  "id",
  "title",
  ...BRIEF_FIELDS.map((f) => f.name),
  "institution",
  "author",
  "status",
  "stage",
  "principles",
  "submittedAt",
  "lastMoveAt",
  "closedAt",
  "experiments",
  "supports",
] as const;

const BATCH = 500;
const iso = (d: Date | null | undefined) => (d ? d.toISOString() : "");

/** One idea as the exports read it. */
export type ExportedIdea = {
  id: number;
  title: string;
  brief: Brief;
  institution: string;
  author: string;
  status: string;
  stage: { key: string; name: string } | null;
  principles: { key: string; title: string }[];
  submittedAt: Date | null;
  lastMoveAt: Date | null;
  closedAt: Date | null;
  experiments: number;
  supports: number;
};

/** The ideas under the filters, a page at a time (by id), with the time of each one's last move. */
export async function* exportedIdeas(user: SessionUser, filters: IdeaFilters, locale: Locale): AsyncGenerator<ExportedIdea[]> {
  requirePermission(user, "export:csv");
  let cursor = 0;
  for (;;) {
    const { ids } = await matchingIdeaIds(filters, { skip: 0, take: BATCH, afterId: cursor, count: false });
    if (ids.length === 0) return;
    const batch = await prisma.idea.findMany({
      where: { id: { in: ids } },
      orderBy: { id: "asc" },
      take: BATCH,
      select: {
        id: true,
        title: true,
        ...BRIEF_SELECT,
        status: true,
        submittedAt: true,
        closedAt: true,
        institution: { select: { nameLv: true, nameEn: true } },
        author: { select: { name: true } },
        stage: { select: { key: true, nameLv: true, nameEn: true } },
        principles: { select: { principle: { select: { key: true, position: true, titleLv: true, titleEn: true } } } },
      },
    });
    if (batch.length === 0) return;
    // The batch's own counts and last moves (an `_count` in the select counted the whole tables).
    const batchIds = batch.map((b) => b.id);
    const [lastMoves, experimentCounts, supportCounts] = await Promise.all([
      prisma.event.groupBy({ by: ["ideaId"], where: { ideaId: { in: batchIds }, type: "MOVED" }, _max: { createdAt: true } }),
      prisma.experiment.groupBy({ by: ["ideaId"], where: { ideaId: { in: batchIds } }, _count: { _all: true } }),
      prisma.support.groupBy({ by: ["ideaId"], where: { ideaId: { in: batchIds } }, _count: { _all: true } }),
    ]);
    const lastMove = new Map(lastMoves.map((m) => [m.ideaId, m._max.createdAt]));
    const experiments = new Map(experimentCounts.map((c) => [c.ideaId, c._count._all]));
    const supports = new Map(supportCounts.map((c) => [c.ideaId, c._count._all]));
    cursor = batch[batch.length - 1].id;
    yield batch.map((i) => ({
      id: i.id,
      title: i.title,
      brief: briefOf(i),
      institution: localName(locale, i.institution),
      author: i.author.name,
      status: i.status,
      stage: i.stage ? { key: i.stage.key, name: localName(locale, i.stage) } : null,
      principles: i.principles
        .map((p) => p.principle)
        .sort((a, b) => a.position - b.position)
        .map((p) => ({ key: p.key, title: localName(locale, p, "title") })),
      submittedAt: i.submittedAt,
      lastMoveAt: lastMove.get(i.id) ?? null,
      closedAt: i.closedAt,
      experiments: experiments.get(i.id) ?? 0,
      supports: supports.get(i.id) ?? 0,
    }));
    if (batch.length < BATCH) return;
  }
}

/** The CSV: the columns' names and the values' codes, as a machine reads them. */
export function exportIdeas(user: SessionUser, filters: IdeaFilters, locale: Locale): ReadableStream<Uint8Array> {
  requirePermission(user, "export:csv");
  return csvStream(
    [...EXPORT_COLUMNS],
    mapPages(exportedIdeas(user, filters, locale), (i) => [
      i.id,
      i.title,
      ...Object.values(i.brief),
      i.institution,
      i.author,
      i.status,
      i.stage?.key ?? "",
      i.principles.map((p) => p.key).join(" "),
      iso(i.submittedAt),
      iso(i.lastMoveAt),
      iso(i.closedAt),
      i.experiments,
      i.supports,
    ]),
  );
}

/** The spreadsheet: headings and values in the reader's language (`t` reads the ideas' strings). */
export function exportIdeasXlsx(user: SessionUser, filters: IdeaFilters, locale: Locale, t: TFunction): ReadableStream<Uint8Array> {
  requirePermission(user, "export:csv");
  const columns: XlsxColumn<ExportedIdea>[] = [
    { header: t("export.columns.id"), width: 8, value: (i) => i.id },
    { header: t("fields.title.label"), width: 40, value: (i) => i.title },
    ...BRIEF_FIELDS.map((f): XlsxColumn<ExportedIdea> => ({
      header: t(`export.columns.${f.name}`, { defaultValue: t(`fields.${f.name}.label`) }),
      width: f.kind === "count" ? 14 : 50,
      value: (i) => i.brief[f.name],
    })),
    { header: t("fields.institutionId.label"), width: 30, value: (i) => i.institution },
    { header: t("export.columns.author"), width: 24, value: (i) => i.author },
    { header: t("filters.status"), width: 16, value: (i) => t(`status.${i.status}`) },
    { header: t("filters.stage"), width: 24, value: (i) => i.stage?.name ?? "" },
    { header: t("fields.principles.label"), width: 40, value: (i) => i.principles.map((p) => p.title).join("; ") },
    { header: t("export.columns.submittedAt"), width: 18, date: "time", value: (i) => i.submittedAt },
    { header: t("export.columns.lastMoveAt"), width: 18, date: "time", value: (i) => i.lastMoveAt },
    { header: t("export.columns.closedAt"), width: 18, date: "time", value: (i) => i.closedAt },
    { header: t("export.columns.experiments"), width: 14, value: (i) => i.experiments },
    { header: t("export.columns.supports"), width: 12, value: (i) => i.supports },
  ];
  return xlsxStream({ sheet: t("list.title"), columns, rows: rowsOf(exportedIdeas(user, filters, locale)) });
}
