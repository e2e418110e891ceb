import type { SessionUser } from "~/utils/auth.server";
import { prisma } from "~/utils/db.server";
import { type Locale, localName } from "~/utils/i18n";

/** The signed-in user's institution and the five principles, in the user's language. */
export async function getHomeData(user: SessionUser, locale: Locale) {
  const [institution, principles] = await Promise.all([
    prisma.institution.findUniqueOrThrow({ where: { id: user.institutionId }, select: { nameLv: true, nameEn: true } }),
    prisma.principle.findMany({ orderBy: { position: "asc" } }),
  ]);
  return {
    institution: localName(locale, institution),
    principles: principles.map((p) => ({ key: p.key, title: localName(locale, p, "title"), help: localName(locale, p, "help") })),
  };
}
