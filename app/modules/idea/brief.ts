// The idea brief (docs/domain.md, "The idea brief"): every field once, in the order the lab's
// guidelines ask for them, grouped as the form shows them. The schema, the form, the idea page,
// the case export and the CSV export all read this. Safe to import in the browser.
import { foldForSearch } from "~/utils/text";

/** Where an answer goes in a published case (the sections of the OECD's case library). */
export type CaseSection = "summary" | "problemAndUsers" | "whatWasTried" | "resultsAndImpact" | "partners" | "conditionsForReplication";

type TextField = { name: string; kind: "text"; max: number; rows: number; requiredToSubmit: boolean; caseSection: CaseSection };
type CountField = { name: string; kind: "count"; caseSection: CaseSection };
export type BriefField = TextField | CountField;

/** The brief's fields after the title, by group; the groups are the form's sections. */
export const BRIEF_GROUPS = [
  {
    key: "users",
    fields: [
      { name: "summary", kind: "text", max: 280, rows: 2, requiredToSubmit: true, caseSection: "summary" },
      { name: "usersAffected", kind: "text", max: 2000, rows: 5, requiredToSubmit: true, caseSection: "problemAndUsers" },
      { name: "problem", kind: "text", max: 4000, rows: 5, requiredToSubmit: true, caseSection: "problemAndUsers" },
    ],
  },
  {
    key: "evidence",
    fields: [
      { name: "evidence", kind: "text", max: 4000, rows: 5, requiredToSubmit: true, caseSection: "problemAndUsers" },
      { name: "usersTalkedTo", kind: "count", caseSection: "problemAndUsers" },
    ],
  },
  {
    key: "proposal",
    fields: [
      { name: "solution", kind: "text", max: 4000, rows: 5, requiredToSubmit: true, caseSection: "whatWasTried" },
      { name: "expectedValue", kind: "text", max: 2000, rows: 5, requiredToSubmit: false, caseSection: "resultsAndImpact" },
    ],
  },
  { key: "test", fields: [{ name: "firstTest", kind: "text", max: 2000, rows: 5, requiredToSubmit: false, caseSection: "conditionsForReplication" }] },
  { key: "partners", fields: [{ name: "partners", kind: "text", max: 1000, rows: 3, requiredToSubmit: false, caseSection: "partners" }] },
] as const satisfies readonly { key: string; fields: readonly BriefField[] }[];

type AnyBriefField = (typeof BRIEF_GROUPS)[number]["fields"][number];

/** The brief's fields after the title, in order. */
export const BRIEF_FIELDS: readonly AnyBriefField[] = BRIEF_GROUPS.flatMap((g): readonly AnyBriefField[] => g.fields);
export type BriefFieldName = (typeof BRIEF_FIELDS)[number]["name"];
export type BriefTextField = Extract<(typeof BRIEF_FIELDS)[number], { kind: "text" }>["name"];
export type BriefCountField = Extract<(typeof BRIEF_FIELDS)[number], { kind: "count" }>["name"];
export const BRIEF_TEXT_FIELDS = BRIEF_FIELDS.filter((f) => f.kind === "text").map((f) => f.name as BriefTextField);

/** The brief's values: texts, and the number of users talked to (null when not given). */
export type Brief = { [K in BriefTextField]: string } & { [K in BriefCountField]: number | null };

/** The title's length, and the longest comment. */
export const TITLE = { min: 5, max: 120 } as const;
export const COMMENT_MAX = 2000;

/** The fields of a row that make its brief (for the idea page, the edit form and the exports). */
export function briefOf(row: Brief): Brief {
  return Object.fromEntries(BRIEF_FIELDS.map((f) => [f.name, row[f.name]])) as Brief;
}

type FieldsIn<S extends CaseSection> = Extract<(typeof BRIEF_FIELDS)[number], { caseSection: S }>["name"];

/** The brief's answers that go into one section of a published case, in the brief's order. */
export function caseSection<S extends CaseSection>(brief: Brief, section: S): Pick<Brief, FieldsIn<S>> {
  return Object.fromEntries(BRIEF_FIELDS.filter((f) => f.caseSection === section).map((f) => [f.name, brief[f.name]])) as Pick<Brief, FieldsIn<S>>;
}

/** The brief's columns, to select with a query. */
export const BRIEF_SELECT = Object.fromEntries(BRIEF_FIELDS.map((f) => [f.name, true])) as { [K in BriefFieldName]: true };

/** The fields search looks in: the title, the need (summary, problem, users affected) and the solution. */
export const SEARCHED_FIELDS = ["title", "summary", "problem", "solution", "usersAffected"] as const;

/** What search looks in, folded (stored with the idea). */
export function searchTextOf(idea: Record<(typeof SEARCHED_FIELDS)[number], string>) {
  return foldForSearch(SEARCHED_FIELDS.map((f) => idea[f]).join("\n"));
}

/**
 * The brief as steps, one topic a page, in the GovLab brief's order; each step asks one group's
 * questions, the first also the title, the institution and the language, the last also the
 * principles. Their keys are in URLs (/ideas/1/edit/evidence) and in a returned idea's event
 * (data.step: the step the facilitator's question is about).
 */
export const BRIEF_STEPS = [
  { key: "need", group: "users" },
  { key: "evidence", group: "evidence" },
  { key: "proposal", group: "proposal" },
  { key: "test", group: "test" },
  { key: "partners", group: "partners" },
] as const satisfies readonly { key: string; group: (typeof BRIEF_GROUPS)[number]["key"] }[];
export type BriefStep = (typeof BRIEF_STEPS)[number]["key"];
export const BRIEF_STEP_KEYS: readonly BriefStep[] = BRIEF_STEPS.map((s) => s.key);

export const isBriefStep = (value: unknown): value is BriefStep => (BRIEF_STEP_KEYS as readonly unknown[]).includes(value);

/** The idea's own fields, asked on the first step and the last, besides the brief's. */
export type IdeaField = "title" | "institutionId" | "language" | "principles";

/** A step's brief fields (from brief.ts's groups). */
export function stepBriefFields(step: BriefStep): readonly AnyBriefField[] {
  const group = BRIEF_STEPS.find((s) => s.key === step)!.group;
  return BRIEF_GROUPS.find((g) => g.key === group)!.fields;
}

/** Every field a step asks, in the order it asks them. */
export function stepFieldNames(step: BriefStep): (BriefFieldName | IdeaField)[] {
  const brief = stepBriefFields(step).map((f) => f.name);
  if (step === "need") return ["title", "institutionId", "language", ...brief];
  if (step === "partners") return [...brief, "principles"];
  return brief;
}

/** The step that asks a field. */
export function stepOf(field: string): BriefStep {
  return BRIEF_STEP_KEYS.find((s) => (stepFieldNames(s) as string[]).includes(field)) ?? "need";
}
