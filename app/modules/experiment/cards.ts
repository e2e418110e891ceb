// The Test Card and the Learning Card (docs/domain.md, "Experiments"): every field once, with its
// kind and limits. The schema, the form, the idea page and the case export all read these.
// Safe to import in the browser.
import type { EvidenceStrength, ExperimentDecision, ExperimentResult, ExperimentStatus, MethodType } from "~/generated/prisma/enums";
import { foldForSearch } from "~/utils/text";

export const METHOD_TYPES = ["INTERVIEWS", "PROTOTYPE_TEST", "PILOT", "AB_TEST", "SURVEY", "DATA_ANALYSIS", "OTHER"] as const satisfies readonly MethodType[];
/** In the order an experiment goes through them, never back. */
export const EXPERIMENT_STATUSES = ["PLANNED", "RUNNING", "COMPLETED"] as const satisfies readonly ExperimentStatus[];
export const RESULTS = ["VALIDATED", "INVALIDATED", "INCONCLUSIVE"] as const satisfies readonly ExperimentResult[];
export const STRENGTHS = ["WEAK", "MEDIUM", "STRONG"] as const satisfies readonly EvidenceStrength[];
export const DECISIONS = ["PERSEVERE", "PIVOT", "STOP", "SCALE"] as const satisfies readonly ExperimentDecision[];

type Text = { name: string; type: "text"; max: number; rows: number; required?: true };
type Choice = { name: string; type: "choice"; options: readonly string[]; labels: string; required?: true };
type Day = { name: string; type: "date" };
type Count = { name: string; type: "count" };
export type CardField = Text | Choice | Day | Count;

/** What we believe, how we will check it and when we are right. `labels`: the translations of a choice's values. */
export const TEST_CARD = [
  { name: "hypothesis", type: "text", max: 2000, rows: 3, required: true },
  { name: "method", type: "text", max: 2000, rows: 3, required: true },
  { name: "methodType", type: "choice", options: METHOD_TYPES, labels: "method", required: true },
  { name: "metric", type: "text", max: 1000, rows: 2, required: true },
  { name: "successCriterion", type: "text", max: 1000, rows: 2, required: true },
  { name: "startsOn", type: "date" },
  { name: "endsOn", type: "date" },
  { name: "participants", type: "count" },
  { name: "status", type: "choice", options: EXPERIMENT_STATUSES, labels: "status", required: true },
] as const satisfies readonly CardField[];

/** What happened and what it taught: every field is needed to complete an experiment. */
export const LEARNING_CARD = [
  { name: "observed", type: "text", max: 4000, rows: 3 },
  { name: "learned", type: "text", max: 4000, rows: 3 },
  { name: "result", type: "choice", options: RESULTS, labels: "result" },
  { name: "evidenceStrength", type: "choice", options: STRENGTHS, labels: "strength" },
  { name: "decision", type: "choice", options: DECISIONS, labels: "decision" },
] as const satisfies readonly CardField[];

export type TestCardField = (typeof TEST_CARD)[number]["name"];
export type LearningCardField = (typeof LEARNING_CARD)[number]["name"];
export const LEARNING_FIELDS = LEARNING_CARD.map((f) => f.name);

/** Both cards' fields, in order. */
export const CARD_FIELDS: readonly ((typeof TEST_CARD)[number] | (typeof LEARNING_CARD)[number])[] = [...TEST_CARD, ...LEARNING_CARD];
export type CardFieldName = (typeof CARD_FIELDS)[number]["name"];
type DateField = Extract<(typeof CARD_FIELDS)[number], { type: "date" }>["name"];

/**
 * An experiment's cards from its row, each date written by `day` (for a page, a form, a case):
 * both cards, or only the fields given (the Test Card, say).
 */
export function cardsOf<R extends Record<CardFieldName, unknown>, D, F extends { name: CardFieldName; type: CardField["type"] } = (typeof CARD_FIELDS)[number]>(
  row: R,
  day: (date: Date | null) => D,
  fields: readonly F[] = CARD_FIELDS as readonly never[],
) {
  return Object.fromEntries(fields.map((f) => [f.name, f.type === "date" ? day(row[f.name] as Date | null) : row[f.name]])) as {
    [K in F["name"]]: K extends DateField ? D : R[K];
  };
}

/** What the lessons library's search looks in: the idea's title and what the experiment tried and taught, folded. */
export function experimentSearchText(ideaTitle: string, e: { hypothesis: string; method: string; observed?: string | null; learned?: string | null }) {
  return foldForSearch([ideaTitle, e.hypothesis, e.method, e.observed ?? "", e.learned ?? ""].join("\n"));
}
