// "Similar ideas" (search.server.ts ranks them): the panel beside the brief's first step, which
// the browser asks as the person types (/ideas/similar) and the step's form asks without
// JavaScript ("Find similar ideas", and the panel's support buttons, which post the form with
// everything typed so the step comes back as it was); and the section facilitators see on an
// idea's page.
import type { SessionUser } from "~/utils/auth.server";
import { prisma } from "~/utils/db.server";
import { readFormData } from "~/utils/http.server";
import type { Locale } from "~/utils/i18n";
import { can } from "~/utils/permissions";
import type { Brief } from "./brief";
import { toggleSupport } from "./idea.server";
import { maySupport } from "./rights";
import { similarIdeas, type SimilarIdea } from "./search.server";
import { isSimilarSubmission, similarQueryOf, SimilarStepSchema, type SimilarQuery } from "./similar.schema";

/** An idea in the panel: as search.server.ts finds it, and whether this person may support it (not their own). */
export type PanelIdea = SimilarIdea & { canSupport: boolean };
export type SimilarPanelData = { items: PanelIdea[]; institutions: number };

/** The panel's ideas for what was typed: up to five existing ideas the person may see, best first. */
export async function similarForBrief(user: SessionUser, query: SimilarQuery & { exclude?: number }, locale: Locale): Promise<SimilarPanelData> {
  const { items, institutions } = await similarIdeas(user, { title: query.title, need: query.need }, locale, { excludeId: query.exclude });
  if (items.length === 0) return { items: [], institutions };
  const authors = await prisma.idea.findMany({ where: { id: { in: items.map((i) => i.id) } }, select: { id: true, authorId: true, status: true } });
  const byId = new Map(authors.map((a) => [a.id, a]));
  return {
    items: items.map((item) => {
      const row = byId.get(item.id);
      return { ...item, canSupport: row ? maySupport(user, row) : false };
    }),
    institutions,
  };
}

/** The idea page's section, for those who triage (null for everyone else, and not looked for). */
export async function similarToIdea(
  user: SessionUser,
  idea: { id: number; title: string; brief: Pick<Brief, "summary" | "problem" | "usersAffected"> },
  locale: Locale,
) {
  if (!can(user, "idea:triage")) return null;
  return similarIdeas(user, similarQueryOf({ title: idea.title, ...idea.brief }), locale, { excludeId: idea.id });
}

/** What supporting from the panel came to: the idea and whether the person now supports it, or why not. */
export type SupportOutcome = { id: number; title: string; language: string; supported: boolean } | { error: string };

/** The step's answer to the panel's buttons: the panel for what was typed, what was typed (to keep it), and a support's outcome. */
export type SimilarStepReply = {
  similar: SimilarPanelData;
  typed: Record<string, string>;
  support?: SupportOutcome;
};

/** The first step's fields kept as they were typed (the idea's id comes from the page, never from the form). */
const KEPT = ["title", "institutionId", "language", "summary", "usersAffected", "problem", "createToken", "version", "then"] as const;

/**
 * The brief's first step, sent by the panel rather than to be saved: "Find similar ideas", or a
 * panel's support button. Nothing of the brief is checked or saved; a support goes through the
 * idea page's command. Null when the form was sent to be saved (the step's own action answers).
 */
export async function similarStepAnswer(
  request: Request,
  user: SessionUser,
  locale: Locale,
  options: { excludeId?: number } = {},
): Promise<{ status: number; reply: SimilarStepReply } | null> {
  const formData = await readFormData(request.clone());
  if (!isSimilarSubmission(formData)) return null;
  const typed: Record<string, string> = {};
  for (const name of KEPT) {
    const value = formData.get(name);
    if (typeof value === "string" && value !== "") typed[name] = value;
  }
  const text = (name: string) => (typeof formData.get(name) === "string" ? String(formData.get(name)) : "");
  const query = similarQueryOf({ title: text("title"), summary: text("summary"), problem: text("problem"), usersAffected: text("usersAffected") });
  const raw = (name: string) => (formData.has(name) ? String(formData.get(name)) : undefined);
  const parsed = SimilarStepSchema.safeParse({ intent: raw("intent"), support: raw("support"), unsupport: raw("unsupport") });
  let status = 200;
  let support: SupportOutcome | undefined;
  if (!parsed.success || (parsed.data.support !== undefined && parsed.data.unsupport !== undefined)) {
    status = 400;
    support = { error: "common:errors.tampered" };
  } else {
    const ideaId = parsed.data.support ?? parsed.data.unsupport;
    if (ideaId !== undefined) {
      const result = await toggleSupport(user, { ideaId, support: parsed.data.support !== undefined });
      const idea = result.ok ? await prisma.idea.findUnique({ where: { id: ideaId }, select: { title: true, language: true } }) : null;
      if (result.ok && idea) support = { id: ideaId, title: idea.title, language: idea.language, supported: result.value };
      else {
        status = result.ok ? 404 : result.status;
        support = { error: "ideas:similar.supportFailed" };
      }
    }
  }
  const similar = await similarForBrief(user, { ...query, exclude: options.excludeId }, locale);
  return { status, reply: { similar, typed, ...(support ? { support } : {}) } };
}
