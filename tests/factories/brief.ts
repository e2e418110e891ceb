// The brief as a person fills it in: step by step through the routes (the first step starts the
// draft, each later step saves its own answers), then check-your-answers' submit.
import { action as checkAction } from "~/routes/ideas.$id_.edit_.check";
import { action as stepAction } from "~/routes/ideas.$id_.edit_.$step";
import { action as newIdeaAction } from "~/routes/ideas.new";
import { BRIEF_STEP_KEYS, stepFieldNames, type BriefStep } from "~/modules/idea/brief";
import { prisma } from "~/utils/db.server";
import { formRequest } from "./request";
import { run } from "./route";

type Fields = Record<string, string | string[]>;
type Who = { cookie: string };

/** The fields of `fields` that a step asks. */
export function stepPart(step: BriefStep, fields: Fields): Fields {
  return Object.fromEntries(Object.entries(fields).filter(([name]) => (stepFieldNames(step) as string[]).includes(name)));
}

/** The idea's id in a step's address (/ideas/12/edit/evidence). */
export const ideaIdIn = (location: string | null) => Number(/\/ideas\/(\d+)/.exec(location ?? "")?.[1]);

export const currentVersion = async (id: number) => String((await prisma.idea.findUniqueOrThrow({ where: { id } })).version);

/** The first step of a new idea, as /ideas/new posts it. */
export function postNew(fields: Fields, who: Who) {
  return run(newIdeaAction, { request: formRequest("/ideas/new", fields, { cookie: who.cookie }) });
}

/** One step of an idea's brief: "continue" (Save and continue) unless `fields` says otherwise; id and version filled in. */
export async function postStep(id: number, step: BriefStep, fields: Fields, who: Who) {
  const form = { ...(step === "need" ? {} : { intent: "continue" }), id: String(id), version: await currentVersion(id), ...fields };
  return run(stepAction, { request: formRequest(`/ideas/${id}/edit/${step}`, form, { cookie: who.cookie }), params: { id: String(id), step } });
}

/** Check-your-answers' submit. */
export async function postCheck(id: number, who: Who, fields: Fields = {}) {
  const form = { intent: "submit", version: await currentVersion(id), ...fields };
  return run(checkAction, { request: formRequest(`/ideas/${id}/edit/check`, form, { cookie: who.cookie }), params: { id: String(id) } });
}

/** Every step after the first of an idea's brief, saved with `fields`, then submitted; throws on any refusal. */
export async function completeBrief(id: number, fields: Fields, who: Who) {
  for (const step of BRIEF_STEP_KEYS.slice(1)) {
    const saved = await postStep(id, step, stepPart(step, fields), who);
    if (saved.status !== 302) throw new Error(`Step ${step} was refused: ${saved.status} ${JSON.stringify(saved.data)}`);
  }
  const sent = await postCheck(id, who);
  if (sent.status !== 302) throw new Error(`The submit was refused: ${sent.status} ${JSON.stringify(sent.data)}`);
  return id;
}

/** A new idea written step by step and submitted; returns its id. */
export async function walkBrief(fields: Fields, who: Who) {
  const started = await postNew(stepPart("need", fields), who);
  if (started.status !== 302) throw new Error(`The first step was refused: ${started.status} ${JSON.stringify(started.data)}`);
  return completeBrief(ideaIdIn(started.location), fields, who);
}
