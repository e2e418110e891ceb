// GET /ideas/export.csv: every idea the user may see under the /ideas filters, streamed in batches,
// with its whole brief (the columns are the brief's field names, brief.ts).
import { requirePermission, type SessionUser } from "~/utils/auth.server";
import { prisma } from "~/utils/db.server";
import { type Locale, localName } from "~/utils/i18n";
import { csvStream } from "~/utils/csv";
import { BRIEF_FIELDS, BRIEF_SELECT, briefOf } from "./brief";
import type { IdeaFilters } from "./idea.schema";
import { ideaListWhere } from "./idea-queries.server";

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

export function exportIdeas(user: SessionUser, filters: IdeaFilters, locale: Locale): ReadableStream<Uint8Array> {
  requirePermission(user, "export:csv");
  const where = ideaListWhere(filters);
  return csvStream([...EXPORT_COLUMNS], 0, async (cursor) => {
    const batch = await prisma.idea.findMany({
      where: { ...where, id: { gt: cursor } },
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
        stage: { select: { key: true } },
        principles: { select: { principle: { select: { key: true } } } },
        _count: { select: { experiments: true, supports: true } },
      },
    });
    if (batch.length === 0) return null;
    const lastMoves = await prisma.event.groupBy({
      by: ["ideaId"],
      where: { ideaId: { in: batch.map((b) => b.id) }, type: "MOVED" },
      _max: { createdAt: true },
    });
    const lastMove = new Map(lastMoves.map((m) => [m.ideaId, m._max.createdAt]));
    return {
      cursor: batch[batch.length - 1].id,
      lines: batch.map((i) => [
        i.id,
        i.title,
        ...Object.values(briefOf(i)),
        localName(locale, i.institution),
        i.author.name,
        i.status,
        i.stage?.key ?? "",
        i.principles.map((p) => p.principle.key).join(" "),
        iso(i.submittedAt),
        iso(lastMove.get(i.id)),
        iso(i.closedAt),
        i._count.experiments,
        i._count.supports,
      ]),
    };
  });
}
