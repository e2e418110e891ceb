import {
  type SubmissionResult,
  getCollectionProps,
  getFormProps,
  getInputProps,
  getTextareaProps,
  useForm,
  type FieldMetadata,
} from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form, useNavigation } from "@remix-run/react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Field, FieldErrors, FormError, splitKey } from "~/components/ui/field";
import { LIMITS, type LongTextField, schemaForIntent } from "./idea.schema";

export type IdeaFormDefaults = {
  id?: number;
  version?: number;
  createToken?: string;
  title?: string;
  summary?: string;
  usersAffected?: string;
  problem?: string;
  evidence?: string;
  usersTalkedTo?: number | null;
  solution?: string;
  expectedValue?: string;
  firstTest?: string;
  partners?: string;
  principles?: string[];
  institutionId?: number;
};

type Options = {
  institutions: { id: number; name: string; active: boolean }[];
  principles: { key: string; title: string; help: string }[];
};

// The brief, grouped as the lab's guidelines go.
const GROUPS: { key: string; fields: (LongTextField | "usersTalkedTo")[] }[] = [
  { key: "users", fields: ["summary", "usersAffected", "problem"] },
  { key: "evidence", fields: ["evidence", "usersTalkedTo"] },
  { key: "proposal", fields: ["solution", "expectedValue"] },
  { key: "test", fields: ["firstTest"] },
];

export function IdeaForm({
  lastResult,
  defaults,
  options,
  returnQuestion,
  isDraft,
}: {
  lastResult: SubmissionResult<string[]> | undefined | null;
  defaults: IdeaFormDefaults;
  options: Options;
  returnQuestion?: string | null;
  isDraft: boolean;
}) {
  const { t } = useTranslation("ideas");
  const navigation = useNavigation();
  const busy = navigation.state !== "idle" && navigation.formMethod === "POST";
  const [form, fields] = useForm({
    id: "idea-brief",
    lastResult,
    defaultValue: {
      ...defaults,
      usersTalkedTo: defaults.usersTalkedTo ?? undefined,
      principles: defaults.principles ?? [],
    },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: schemaForIntent(formData.get("intent")) }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  const formErrors = [...(form.errors ?? []), ...(fields.intent.errors ?? []), ...(fields.id.errors ?? []), ...(fields.version.errors ?? [])];

  const textarea = (name: LongTextField, rows = 4) => {
    const meta = fields[name] as FieldMetadata<string>;
    return (
      <CountedTextarea
        key={name}
        meta={meta}
        label={t(`fields.${name}.label`)}
        help={t(`fields.${name}.help`)}
        max={LIMITS[name]}
        rows={rows}
      />
    );
  };

  const [talkedKey, talkedProps] = splitKey(getInputProps(fields.usersTalkedTo, { type: "number" }));
  return (
    <Form method="post" {...getFormProps(form)} noValidate className="space-y-8">
      {returnQuestion ? (
        <div role="note" className="rounded-md border-l-4 border-amber-600 bg-amber-50 px-4 py-3">
          <h2 className="font-semibold">{t("form.questionTitle")}</h2>
          <p className="whitespace-pre-line">{returnQuestion}</p>
        </div>
      ) : null}
      <FormError id={form.errorId} errors={formErrors} />
      {defaults.id ? <input type="hidden" name="id" value={defaults.id} /> : null}
      {defaults.version ? <input type="hidden" name="version" value={defaults.version} /> : null}
      {defaults.createToken ? <input type="hidden" name="createToken" value={defaults.createToken} /> : null}

      <fieldset className="rounded-lg bg-white p-6 shadow">
        <legend className="px-1 text-xl font-semibold">{t("groups.idea.title")}</legend>
        <Field id={fields.title.id} label={t("fields.title.label")} help={t("fields.title.help")} errors={fields.title.errors}>
          {(a11y) => {
            const [key, props] = splitKey(getInputProps(fields.title, { type: "text" }));
            return <input key={key} {...props} {...a11y} className="input" />;
          }}
        </Field>
        <Field id={fields.institutionId.id} label={t("fields.institutionId.label")} errors={fields.institutionId.errors}>
          {(a11y) => (
            <select
              name={fields.institutionId.name}
              defaultValue={String(fields.institutionId.initialValue ?? defaults.institutionId ?? "")}
              key={fields.institutionId.key}
              className="input"
              {...a11y}
            >
              {options.institutions
                .filter((i) => i.active || i.id === defaults.institutionId)
                .map((i) => (
                  <option key={i.id} value={i.id}>
                    {i.name}
                  </option>
                ))}
            </select>
          )}
        </Field>
      </fieldset>

      {GROUPS.map((group) => (
        <fieldset key={group.key} className="rounded-lg bg-white p-6 shadow">
          <legend className="px-1 text-xl font-semibold">{t(`groups.${group.key}.title`)}</legend>
          <p className="mb-4 text-slate-700">{t(`groups.${group.key}.help`)}</p>
          {group.fields.map((name) =>
            name === "usersTalkedTo" ? (
              <Field
                key={name}
                id={fields.usersTalkedTo.id}
                label={t("fields.usersTalkedTo.label")}
                help={t("fields.usersTalkedTo.help")}
                errors={fields.usersTalkedTo.errors}
              >
                {(a11y) => (
                  <input
                    key={talkedKey}
                    {...talkedProps}
                    {...a11y}
                    min={0}
                    step={1}
                    inputMode="numeric"
                    className="input max-w-[12rem]"
                  />
                )}
              </Field>
            ) : (
              textarea(name, name === "summary" ? 2 : 5)
            ),
          )}
        </fieldset>
      ))}

      <fieldset className="rounded-lg bg-white p-6 shadow">
        <legend className="px-1 text-xl font-semibold">{t("groups.partners.title")}</legend>
        <p className="mb-4 text-slate-700">{t("groups.partners.help")}</p>
        {textarea("partners", 3)}
        <fieldset aria-describedby={[`${fields.principles.id}-help`, fields.principles.errors?.length ? fields.principles.errorId : null].filter(Boolean).join(" ")}>
          <legend className="mb-1 font-semibold">{t("fields.principles.label")}</legend>
          <p id={`${fields.principles.id}-help`} className="mb-3 text-sm text-slate-700">
            {t("fields.principles.help")}{" "}
            <a href="https://legalinstruments.oecd.org/en/instruments/OECD-LEGAL-0450" className="link" rel="noreferrer">
              {t("fields.principles.link")}
            </a>
          </p>
          <ul className="space-y-3">
            {getCollectionProps(fields.principles, { type: "checkbox", options: options.principles.map((p) => p.key) }).map((collection) => {
              const [key, props] = splitKey(collection);
              const principle = options.principles.find((p) => p.key === props.value)!;
              return (
                <li key={props.value} className="flex items-start gap-3">
                  <input key={key} {...props} className="mt-1 h-5 w-5 shrink-0" aria-describedby={`${props.id}-help`} />
                  <label htmlFor={props.id}>
                    <span className="font-medium">{principle.title}</span>
                    <span id={`${props.id}-help`} className="block text-sm text-slate-700">
                      {principle.help}
                    </span>
                  </label>
                </li>
              );
            })}
          </ul>
          <FieldErrors id={fields.principles.errorId} errors={fields.principles.errors} />
        </fieldset>
      </fieldset>

      <div className="flex flex-wrap gap-3">
        <button type="submit" name="intent" value="submit" className="btn-primary" disabled={busy}>
          {isDraft ? t("form.submit") : t("form.resubmit")}
        </button>
        <button type="submit" name="intent" value="draft" className="btn-secondary" disabled={busy}>
          {isDraft ? t("form.saveDraft") : t("form.saveChanges")}
        </button>
      </div>
      <p className="text-sm text-slate-700">{t("form.draftHint")}</p>
    </Form>
  );
}

/** A textarea with a live character count, described to assistive technology. */
function CountedTextarea({ meta, label, help, max, rows }: { meta: FieldMetadata<string>; label: string; help: string; max: number; rows: number }) {
  const { t } = useTranslation("ideas");
  const [length, setLength] = useState((meta.initialValue as string | undefined)?.length ?? 0);
  const countId = `${meta.id}-count`;
  const [textareaKey, textareaProps] = splitKey(getTextareaProps(meta));
  return (
    <Field id={meta.id} label={label} help={help} errors={meta.errors} describedBy={countId}>
      {(a11y) => (
        <>
          <textarea
            key={textareaKey}
            {...textareaProps}
            {...a11y}
            rows={rows}
            className="input"
            onInput={(event) => setLength(event.currentTarget.value.length)}
          />
          <p id={countId} className={`mt-1 text-right text-sm ${length > max ? "font-semibold text-red-800" : "text-slate-700"}`}>
            {t("form.counter", { count: length, max })}
          </p>
        </>
      )}
    </Field>
  );
}
