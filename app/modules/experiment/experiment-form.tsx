import { getFormProps, getInputProps, getSelectProps, getTextareaProps, useForm, type FieldMetadata, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Field, FormError, splitKey } from "~/components/ui/field";
import { DECISIONS, EXPERIMENT_STATUSES, ExperimentSchema, METHOD_TYPES, RESULTS, STRENGTHS } from "./experiment.schema";

export type ExperimentDefaults = Partial<Record<string, string | number | null>>;

/** The Test Card, and the Learning Card that completing the experiment asks for. Works without JavaScript. */
export function ExperimentForm({ lastResult, defaults, submitLabel }: { lastResult: SubmissionResult<string[]> | null | undefined; defaults: ExperimentDefaults; submitLabel: string }) {
  const { t } = useTranslation("experiments");
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: "experiment",
    lastResult,
    defaultValue: Object.fromEntries(Object.entries(defaults).map(([k, v]) => [k, v === null || v === undefined ? undefined : String(v)])),
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ExperimentSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  const text = (meta: FieldMetadata<string | undefined>, rows = 3) => {
    const [key, props] = splitKey(getTextareaProps(meta));
    return (
      <Field id={meta.id} label={t(`fields.${meta.name}.label`)} help={t(`fields.${meta.name}.help`)} errors={meta.errors}>
        {(a11y) => <textarea key={key} {...props} {...a11y} rows={rows} className="input" />}
      </Field>
    );
  };
  const select = (meta: FieldMetadata<string | undefined>, options: readonly string[], prefix: string, empty = true) => {
    const [key, props] = splitKey(getSelectProps(meta));
    return (
      <Field id={meta.id} label={t(`fields.${meta.name}.label`)} errors={meta.errors}>
        {(a11y) => (
          <select key={key} {...props} {...a11y} className="input">
            {empty ? <option value="">{t("choose")}</option> : null}
            {options.map((o) => (
              <option key={o} value={o}>
                {t(`${prefix}.${o}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
    );
  };
  const input = (meta: FieldMetadata<string | number | undefined>, type: "date" | "number") => {
    const [key, props] = splitKey(getInputProps(meta, { type }));
    return (
      <Field id={meta.id} label={t(`fields.${meta.name}.label`)} errors={meta.errors}>
        {(a11y) => <input key={key} {...props} {...a11y} className="input max-w-[14rem]" {...(type === "number" ? { min: 0, step: 1, inputMode: "numeric" as const } : {})} />}
      </Field>
    );
  };
  return (
    <Form method="post" {...getFormProps(form)} noValidate className="space-y-8">
      <FormError id={form.errorId} errors={[...(form.errors ?? []), ...(fields.version.errors ?? []), ...(fields.experimentId.errors ?? [])]} />
      {defaults.experimentId ? <input type="hidden" name="experimentId" value={String(defaults.experimentId)} /> : null}
      {defaults.version ? <input type="hidden" name="version" value={String(defaults.version)} /> : null}
      <fieldset className="rounded-lg bg-white p-6 shadow">
        <legend className="px-1 text-xl font-semibold">{t("testCard")}</legend>
        <p className="mb-4 text-slate-700">{t("testCardHelp")}</p>
        {text(fields.hypothesis)}
        {text(fields.method)}
        {select(fields.methodType, METHOD_TYPES, "method")}
        {text(fields.metric, 2)}
        {text(fields.successCriterion, 2)}
        <div className="grid gap-x-6 sm:grid-cols-3">
          {input(fields.startsOn, "date")}
          {input(fields.endsOn, "date")}
          {input(fields.participants, "number")}
        </div>
        {select(fields.status, EXPERIMENT_STATUSES, "status", false)}
      </fieldset>
      <fieldset className="rounded-lg bg-white p-6 shadow">
        <legend className="px-1 text-xl font-semibold">{t("learningCard")}</legend>
        <p className="mb-4 text-slate-700">{t("learningCardHelp")}</p>
        {text(fields.observed)}
        {text(fields.learned)}
        <div className="grid gap-x-6 sm:grid-cols-3">
          {select(fields.result, RESULTS, "result")}
          {select(fields.evidenceStrength, STRENGTHS, "strength")}
          {select(fields.decision, DECISIONS, "decision")}
        </div>
      </fieldset>
      <button type="submit" className="btn-primary" disabled={navigation.state === "submitting"}>
        {submitLabel}
      </button>
    </Form>
  );
}
