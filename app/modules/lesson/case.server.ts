// A closed idea as a case, in the structure of the OECD's public-sector innovation case library.
import { requirePermission, type SessionUser } from "~/utils/auth.server";
import { prisma } from "~/utils/db.server";
import { invariantResponse } from "~/utils/http.server";
import { formatDate } from "~/utils/format";
import { type Locale, localName } from "~/utils/i18n";
import { isoDayOf } from "~/utils/iso-day";
import { markdownInline, markdownText } from "~/utils/markdown";
import { TEST_CARD, cardsOf } from "~/modules/experiment/cards";
import { briefOf, caseSection } from "~/modules/idea/brief";

const day = (d: Date | null) => (d ? isoDayOf(d) : null);

export async function getCase(user: SessionUser, ideaId: number, locale: Locale) {
  requirePermission(user, "lessons:view");
  const idea = await prisma.idea.findFirst({
    where: { id: ideaId, status: "ACTIVE", stage: { kind: { in: ["CLOSED_SUCCESS", "CLOSED_STOPPED"] } } },
    include: {
      institution: true,
      stage: true,
      principles: { include: { principle: true }, orderBy: { principle: { position: "asc" } } },
      experiments: { orderBy: { createdAt: "asc" } },
    },
  });
  invariantResponse(idea, 404);
  const brief = briefOf(idea);
  const institution = localName(locale, idea.institution);
  const completed = idea.experiments.filter((e) => e.status === "COMPLETED");
  return {
    id: idea.id,
    title: idea.title,
    /** The language the idea's title and brief are written in. */
    ideaLanguage: idea.language,
    ...caseSection(brief, "summary"),
    institution,
    outcome: idea.stage!.kind === "CLOSED_SUCCESS" ? ("implemented" as const) : ("stopped" as const),
    submittedOn: day(idea.submittedAt),
    closedOn: day(idea.closedAt),
    principles: idea.principles.map((p) => ({ key: p.principle.key, title: localName(locale, p.principle, "title") })),
    problemAndUsers: caseSection(brief, "problemAndUsers"),
    whatWasTried: { ...caseSection(brief, "whatWasTried"), experiments: idea.experiments.map((e) => cardsOf(e, day, TEST_CARD)) },
    ...caseSection(brief, "partners"),
    resultsAndImpact: {
      closingNote: idea.closingNote ?? "",
      ...caseSection(brief, "resultsAndImpact"),
      results: completed.map((e) => ({ hypothesis: e.hypothesis, result: e.result, observed: e.observed ?? "", evidenceStrength: e.evidenceStrength })),
    },
    challengesAndFailures: completed
      .filter((e) => e.result === "INVALIDATED" || e.result === "INCONCLUSIVE")
      .map((e) => ({ hypothesis: e.hypothesis, result: e.result, observed: e.observed ?? "", learned: e.learned ?? "" })),
    lessons: completed.filter((e) => e.learned).map((e) => ({ learned: e.learned!, decision: e.decision })),
    conditionsForReplication: {
      institution,
      partners: brief.partners,
      methods: [...new Set(idea.experiments.map((e) => e.methodType))],
      participants: idea.experiments.reduce((sum, e) => sum + (e.participants ?? 0), 0),
      ...caseSection(brief, "conditionsForReplication"),
    },
  };
}
export type CaseData = Awaited<ReturnType<typeof getCase>>;

type T = (key: string, options?: Record<string, unknown>) => string;

/**
 * The case as Markdown, in the user's language. Every text is the people's own, quoted as typed and
 * escaped (utils/markdown.ts): whatever it holds, it stays text, never HTML, a link or an image.
 */
export function caseToMarkdown(c: CaseData, t: T, locale: Locale) {
  const lines: string[] = [];
  // Dates as the page shows them (the JSON export keeps YYYY-MM-DD for machines).
  const date = (day: string | null) => (day ? formatDate(locale, day) : "—");
  const para = (text: string | null | undefined) => {
    if (text && text.trim()) lines.push(markdownText(text.trim()), "");
  };
  const inline = markdownInline;
  lines.push(`# ${inline(c.title)}`, "");
  lines.push(`${t("case.institution")}: ${inline(c.institution)}  `);
  lines.push(`${t("case.outcome")}: ${t(`case.${c.outcome}`)}  `);
  lines.push(`${t("case.period")}: ${date(c.submittedOn)} – ${date(c.closedOn)}  `);
  lines.push(`${t("case.principles")}: ${c.principles.map((p) => inline(p.title)).join("; ")}`, "");
  para(c.summary);
  lines.push(`## ${t("case.problemAndUsers")}`, "");
  for (const value of Object.values(c.problemAndUsers)) if (typeof value === "string") para(value);
  lines.push(`## ${t("case.whatWasTried")}`, "");
  para(c.whatWasTried.solution);
  for (const e of c.whatWasTried.experiments) {
    lines.push(`- **${t(`experiments:method.${e.methodType}`)}** (${date(e.startsOn)} – ${date(e.endsOn)}): ${inline(e.hypothesis)}`);
  }
  lines.push("");
  lines.push(`## ${t("case.partners")}`, "");
  para(c.partners || "—");
  lines.push(`## ${t("case.resultsAndImpact")}`, "");
  para(c.resultsAndImpact.closingNote);
  for (const r of c.resultsAndImpact.results) {
    lines.push(`- **${r.result ? t(`experiments:result.${r.result}`) : "—"}**: ${inline(r.observed)}`);
  }
  lines.push("");
  lines.push(`## ${t("case.challengesAndFailures")}`, "");
  if (!c.challengesAndFailures.length) lines.push(t("case.none"), "");
  for (const f of c.challengesAndFailures) lines.push(`- ${inline(f.hypothesis)} — ${inline(f.learned)}`);
  if (c.challengesAndFailures.length) lines.push("");
  lines.push(`## ${t("case.lessons")}`, "");
  for (const l of c.lessons) lines.push(`- ${inline(l.learned)}`);
  lines.push("");
  lines.push(`## ${t("case.conditionsForReplication")}`, "");
  lines.push(`- ${t("case.institution")}: ${inline(c.conditionsForReplication.institution)}`);
  lines.push(`- ${t("case.methods")}: ${c.conditionsForReplication.methods.map((m) => t(`experiments:method.${m}`)).join(", ") || "—"}`);
  lines.push(`- ${t("case.participants")}: ${c.conditionsForReplication.participants}`);
  if (c.conditionsForReplication.partners) lines.push(`- ${t("case.partners")}: ${inline(c.conditionsForReplication.partners)}`);
  if (c.conditionsForReplication.firstTest) lines.push(`- ${t("case.firstTest")}: ${inline(c.conditionsForReplication.firstTest)}`);
  lines.push("");
  return lines.join("\n");
}
