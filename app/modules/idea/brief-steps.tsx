// The brief as steps (brief.ts, BRIEF_STEPS): one topic a page, "Save and continue" and "Back",
// then check-your-answers with a "Change" link beside every answer (the GOV.UK "Question pages"
// and "Check answers" patterns). Plain forms and links: it all works without JavaScript.
import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { AppForm, ChoiceField, InputField, SelectField, SubmitButton, TextareaField, useAppForm } from "~/components/app-form";
import { checkWith } from "~/components/form-check";
import { FieldErrors } from "~/components/ui/field";
import { BRIEF_FIELDS, BRIEF_STEPS, stepBriefFields, stepFieldNames, type Brief, type BriefStep } from "./brief";
import { IDEA_LANGUAGES, NeedStepSchema, stepSchema } from "./idea.schema";

export type StepDefaults = Record<string, unknown> & {
  id?: number;
  version?: number;
  createToken?: string;
  institutionId?: number;
  language?: string;
  principles?: string[];
};

export type BriefOptions = {
  institutions: { id: number; name: string; active: boolean }[];
  principles: { key: string; title: string; help: string }[];
};

const OECD_DECLARATION = "https://legalinstruments.oecd.org/en/instruments/OECD-LEGAL-0450";

export const stepNumber = (step: BriefStep) => BRIEF_STEPS.findIndex((s) => s.key === step) + 1;
const groupOf = (step: BriefStep) => BRIEF_STEPS.find((s) => s.key === step)!.group;

/** A step's heading, for the page and its title. */
export const stepTitleKey = (step: BriefStep) => `groups.${groupOf(step)}.title`;

/** The address of a step of an idea's brief (the first step of a new idea is /ideas/new). */
export const stepPath = (id: number, step: BriefStep | "check") => `/ideas/${id}/edit/${step}`;

/** "Solis 2 no 5", above the step's heading. */
export function StepProgress({ step }: { step: BriefStep }) {
  const { t } = useTranslation("ideas");
  return <p className="mb-1 text-lg text-slate-700">{t("steps.progress", { current: stepNumber(step), total: BRIEF_STEPS.length })}</p>;
}

/** The lab's question, on every step of an idea returned with one. */
export function ReturnQuestion({ question }: { question: string }) {
  const { t } = useTranslation("ideas");
  return (
    <div role="note" className="mb-6 rounded-md border-l-4 border-amber-600 bg-amber-50 px-4 py-3">
      <h2 className="font-semibold">{t("form.questionTitle")}</h2>
      <p className="whitespace-pre-line">{question}</p>
    </div>
  );
}

/** One step's questions and its buttons. */
export function BriefStepForm({
  step,
  defaults,
  options,
  then,
  extraButtons,
}: {
  step: BriefStep;
  defaults: StepDefaults;
  options: BriefOptions;
  /** "check" when the person came from check-your-answers to change an answer. */
  then?: "check";
  /** More buttons after the step's own (the first step's "Find similar ideas"); Save and continue stays the form's first, so Enter saves. */
  extraButtons?: ReactNode;
}) {
  const { t } = useTranslation("ideas");
  const [form, fields] = useAppForm({
    id: `brief-${step}`,
    check: checkWith((formData) => (step === "need" ? NeedStepSchema : stepSchema(step, formData.get("intent") === "back" ? "back" : "continue"))),
    defaultValue: {
      ...defaults,
      language: defaults.language ?? "lv",
      usersTalkedTo: defaults.usersTalkedTo ?? undefined,
      principles: defaults.principles ?? [],
    },
  });
  const field = fields as unknown as Record<string, Parameters<typeof InputField>[0]["meta"]>;
  const formErrors = [field.id?.errors, field.version?.errors, field.intent?.errors, field.createToken?.errors];
  return (
    <AppForm form={form} className="space-y-6" errors={formErrors}>
      {defaults.id ? <input type="hidden" name="id" value={defaults.id} /> : null}
      {defaults.version ? <input type="hidden" name="version" value={defaults.version} /> : null}
      {defaults.createToken ? <input type="hidden" name="createToken" value={defaults.createToken} /> : null}
      {then ? <input type="hidden" name="then" value={then} /> : null}
      <div className="rounded-lg bg-white p-6 shadow">
        {step === "need" ? (
          <>
            <InputField meta={field.title} label={t("fields.title.label")} help={t("fields.title.help")} />
            <SelectField
              meta={field.institutionId}
              label={t("fields.institutionId.label")}
              empty={defaults.institutionId ? undefined : t("form.chooseInstitution")}
              options={options.institutions.filter((i) => i.active || i.id === defaults.institutionId).map((i) => [String(i.id), i.name])}
            />
            <ChoiceField
              meta={field.language}
              type="radio"
              legend={t("steps.language.label")}
              help={t("steps.language.help")}
              options={IDEA_LANGUAGES.map((l) => ({ value: l, label: t(`steps.language.${l}`) }))}
              inline
            />
          </>
        ) : null}
        {stepBriefFields(step).map((f) =>
          f.kind === "count" ? (
            <InputField
              key={f.name}
              meta={field[f.name]}
              type="number"
              min={0}
              step={1}
              inputMode="numeric"
              className="input max-w-[12rem]"
              label={t(`fields.${f.name}.label`)}
              help={t(`fields.${f.name}.help`)}
            />
          ) : (
            <TextareaField key={f.name} meta={field[f.name]} label={t(`fields.${f.name}.label`)} help={t(`fields.${f.name}.help`)} max={f.max} rows={f.rows} />
          ),
        )}
        {step === "partners" ? (
          <ChoiceField
            meta={field.principles}
            type="checkbox"
            legend={t("fields.principles.label")}
            help={
              <>
                {t("fields.principles.help")}{" "}
                <a href={OECD_DECLARATION} className="link" rel="noreferrer">
                  {t("fields.principles.link")}
                </a>
              </>
            }
            options={options.principles.map((p) => ({ value: p.key, label: p.title, help: p.help }))}
          />
        ) : null}
      </div>
      <div className="flex flex-wrap gap-3">
        <SubmitButton form={form} name={step === "need" ? undefined : "intent"} value={step === "need" ? undefined : "continue"}>
          {t("steps.continue")}
        </SubmitButton>
        {step === "need" ? null : (
          <SubmitButton form={form} name="intent" value="back" secondary>
            {t("steps.back")}
          </SubmitButton>
        )}
        {extraButtons}
      </div>
      <p className="text-sm text-slate-700">{t("steps.saveHint")}</p>
    </AppForm>
  );
}

type CheckIdea = {
  id: number;
  title: string;
  institutionId: number;
  language: string;
  principles: string[];
  brief: Brief;
};

/** Check your answers: every answer by step, each with a "Change" link to its step; the messages of a refused submit beside the answers they name. */
export function CheckAnswersList({ idea, options, errors }: { idea: CheckIdea; options: BriefOptions; errors: Record<string, string[] | undefined> }) {
  const { t } = useTranslation("ideas");
  const answer = (name: string): ReactNode => {
    if (name === "title") return idea.title;
    if (name === "institutionId") return options.institutions.find((i) => i.id === idea.institutionId)?.name ?? "";
    if (name === "language") return t(`steps.language.${idea.language === "en" ? "en" : "lv"}`);
    if (name === "principles")
      return idea.principles.length ? (
        <ul>
          {idea.principles.map((key) => (
            <li key={key}>{options.principles.find((p) => p.key === key)?.title ?? key}</li>
          ))}
        </ul>
      ) : null;
    const value = idea.brief[name as keyof Brief];
    return value === null || value === "" ? null : String(value);
  };
  const ideaText = (name: string) => name === "title" || BRIEF_FIELDS.some((f) => f.name === name && f.kind === "text");
  return (
    <div className="space-y-8">
      {BRIEF_STEPS.map(({ key }) => (
        <section key={key} aria-labelledby={`check-${key}`}>
          <h2 id={`check-${key}`} className="mb-3 text-xl font-semibold">
            {t(stepTitleKey(key))}
          </h2>
          <dl className="divide-y divide-slate-300 border-y border-slate-300">
            {stepFieldNames(key).map((name) => {
              const label = name === "language" ? t("steps.language.label") : t(`fields.${name}.label`);
              const value = answer(name);
              const messages = errors[name] ?? [];
              return (
                <div key={name} id={`answer-${name}`} className="grid gap-2 py-3 sm:grid-cols-[14rem_1fr_auto]">
                  <dt className="font-semibold">{label}</dt>
                  <dd className="whitespace-pre-line">
                    <FieldErrors id={`answer-${name}-error`} errors={messages} />
                    {value === null ? (
                      <span className="italic text-slate-600">{t("page.notGiven")}</span>
                    ) : (
                      <span lang={ideaText(name) ? idea.language : undefined}>{value}</span>
                    )}
                  </dd>
                  <dd>
                    <Link to={`${stepPath(idea.id, key)}?then=check`} className="link">
                      {t("steps.change")}
                      <span className="sr-only"> {label.toLocaleLowerCase()}</span>
                    </Link>
                  </dd>
                </div>
              );
            })}
          </dl>
        </section>
      ))}
    </div>
  );
}
