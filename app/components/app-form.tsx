// The one way to build a form: useAppForm (conform, with checkWith(the form's zod schema) from
// form-check.ts, the same schema the server checks) and <AppForm>, which posts the form's id with
// it so that, of several forms on a page, only the one that was sent shows the answer. The field
// components wire each control to its label, help and messages (Field, in ui/field.tsx). The parts
// without conform (ButtonForm, SubmitButton, useFormReply, useBusy) are in form.tsx.
import {
  getCollectionProps,
  getInputProps,
  getSelectProps,
  getTextareaProps,
  useForm,
  type FieldMetadata,
  type FormMetadata,
  type SubmissionResult,
} from "@conform-to/react";
import { Form, useActionData } from "@remix-run/react";
import { useMemo, useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import { FORM_ID_FIELD, isFailedReply, type FormReply } from "~/utils/form";
import type { FormCheck } from "./form-check";
import { formElementId, useFormReply } from "./form";
import { ErrorSummary, type SummaryItem } from "./ui/error-summary";
import { Field, FieldErrors, splitKey } from "./ui/field";

export { ButtonForm, SubmitButton, useBusy, useFormReply } from "./form";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Shape = Record<string, any>;

/** The name of the hidden button conform submits a form with to check a field (its INTENT). */
const CONFORM_INTENT = "__intent__";

type AppFormOptions<S extends z.ZodType<Shape, Shape>> = {
  /** Unique among the page's forms: it names the form in the reply. */
  id: string;
  /** checkWith(the form's schema), to check the form in the browser when it is sent, and each field again as it is corrected; the server checks them again. */
  check?: FormCheck<S>;
  defaultValue?: Record<string, unknown>;
};

export function useAppForm<S extends z.ZodType<Shape, Shape> = z.ZodType<Shape, Shape>>({ id, check, defaultValue }: AppFormOptions<S>) {
  const answer = useFormReply(id);
  return useForm<z.input<S>, z.output<S>, string[]>({
    id: formElementId(id),
    lastResult: answer?.result as SubmissionResult<string[]> | undefined,
    defaultValue: defaultValue as never,
    onValidate: check ? ({ formData }) => check.validate(formData) as never : undefined,
    // As GOV.UK asks, a form is checked when it is sent, never as a field is left: a message that
    // appeared on leaving a field moved the button under the pointer, so the click that left the
    // field was lost. After a refusal each field is checked again as it is corrected. Without a
    // check in the browser only the server checks (conform would otherwise post a round trip).
    shouldValidate: "onSubmit",
    shouldRevalidate: check ? "onInput" : "onSubmit",
  });
}

/** What AppForm needs of conform's form: its id, its messages, its fields' ids and its submit handler. */
type FormLike = Pick<FormMetadata<Shape, string[]>, "id" | "errorId" | "errors" | "allErrors" | "getFieldset" | "onSubmit" | "noValidate">;

/**
 * A posting form: conform's props, the form's id and, once it was sent with mistakes, the error
 * summary at its top (every message, a field's as a link to the field; it takes the focus).
 */
export function AppForm({
  form,
  action,
  className,
  errors = [],
  children,
}: {
  form: FormLike;
  action?: string;
  className?: string;
  /** More messages for the whole form (those of fields the page fills in itself). */
  errors?: (string[] | undefined)[];
  children: ReactNode;
}) {
  const formErrors = [...new Set([...(form.errors ?? []), ...errors.flatMap((e) => e ?? [])])];
  const hiddenErrors = new Set(errors.filter(Boolean));
  const reply = useActionData() as FormReply | undefined;
  const answered = reply?.formId === form.id && isFailedReply(reply) ? reply : undefined;
  // Submissions the browser's check refused (conform stops them before they are sent).
  const [refused, setRefused] = useState(0);
  const attempt = useMemo(() => (answered || refused ? { answered, refused } : null), [answered, refused]);
  const items: SummaryItem[] = [];
  if (attempt) {
    // Only fields with a control of their own: a hidden field's message is one for the whole form (errors).
    const fieldset = form.getFieldset();
    for (const [name, messages] of Object.entries(form.allErrors)) {
      if (name === "" || hiddenErrors.has(messages)) continue;
      for (const message of messages ?? []) items.push({ message, target: fieldset[name].id });
    }
  }
  return (
    <Form
      method="post"
      action={action}
      id={form.id}
      onSubmit={(event) => {
        form.onSubmit(event);
        // Conform checks a field as it is left (or retyped) by submitting the form with a hidden
        // button of its own, which it then stops: that is no refused submission, and must neither
        // show the summary nor move the focus to it while the person is moving through the fields.
        const submitter = (event.nativeEvent as SubmitEvent).submitter;
        if (event.defaultPrevented && submitter?.getAttribute("name") !== CONFORM_INTENT) setRefused((n) => n + 1);
      }}
      noValidate={form.noValidate}
      aria-invalid={formErrors.length ? true : undefined}
      aria-describedby={formErrors.length ? form.errorId : undefined}
      className={className}
    >
      <input type="hidden" name={FORM_ID_FIELD} value={form.id} />
      <ErrorSummary id={form.errorId} formMessages={formErrors} items={items} attempt={attempt} />
      {children}
    </Form>
  );
}

type FieldText = { label: string; help?: string; compact?: boolean };

export function InputField({
  meta,
  type = "text",
  label,
  help,
  compact,
  className = "input",
  ...rest
}: FieldText & {
  meta: FieldMetadata<unknown, Record<string, unknown>, string[]>;
  type?: "text" | "email" | "password" | "number" | "date" | "search";
  className?: string;
  autoComplete?: string;
  min?: number;
  step?: number;
  inputMode?: "numeric";
}) {
  const [key, props] = splitKey(getInputProps(meta, { type }));
  return (
    <Field id={meta.id} label={label} help={help} errors={meta.errors} compact={compact}>
      {(a11y) => <input key={key} {...props} {...a11y} {...rest} className={className} />}
    </Field>
  );
}

export function TextareaField({
  meta,
  label,
  help,
  rows = 3,
  max,
}: FieldText & {
  meta: FieldMetadata<unknown, Record<string, unknown>, string[]>;
  rows?: number;
  /** Shows a live count of characters against it. */ max?: number;
}) {
  const { t } = useTranslation();
  const [length, setLength] = useState(typeof meta.initialValue === "string" ? meta.initialValue.length : 0);
  const [key, props] = splitKey(getTextareaProps(meta));
  const countId = `${meta.id}-count`;
  return (
    <Field id={meta.id} label={label} help={help} errors={meta.errors} describedBy={max ? countId : undefined}>
      {(a11y) => (
        <>
          <textarea
            key={key}
            {...props}
            {...a11y}
            rows={rows}
            className="input"
            onInput={max ? (event) => setLength(event.currentTarget.value.length) : undefined}
          />
          {max ? (
            <p id={countId} className={`mt-1 text-right text-sm ${length > max ? "font-semibold text-red-800" : "text-slate-700"}`}>
              {t("form.counter", { count: length, max })}
            </p>
          ) : null}
        </>
      )}
    </Field>
  );
}

export function SelectField({
  meta,
  label,
  help,
  compact,
  options,
  empty,
}: FieldText & {
  meta: FieldMetadata<unknown, Record<string, unknown>, string[]>;
  options: [string, string][];
  /** The label of an empty first choice. */ empty?: string;
}) {
  const [key, props] = splitKey(getSelectProps(meta));
  return (
    <Field id={meta.id} label={label} help={help} errors={meta.errors} compact={compact}>
      {(a11y) => (
        <select key={key} {...props} {...a11y} className="input">
          {empty !== undefined ? <option value="">{empty}</option> : null}
          {options.map(([value, text]) => (
            <option key={value} value={value}>
              {text}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** Checkboxes (several choices) or radio buttons (one choice) under one legend, with their messages. */
export function ChoiceField({
  meta,
  type,
  legend,
  help,
  options,
  inline = false,
}: {
  meta: FieldMetadata<unknown, Record<string, unknown>, string[]>;
  type: "checkbox" | "radio";
  legend: string;
  help?: ReactNode;
  /** Each choice: its value, its label and, if any, a line of help. */
  options: { value: string; label: string; help?: string }[];
  inline?: boolean;
}) {
  const helpId = `${meta.id}-help`;
  const describedBy = [help ? helpId : null, meta.errors?.length ? meta.errorId : null].filter(Boolean).join(" ") || undefined;
  const items = getCollectionProps(meta as FieldMetadata<string[] | string, Record<string, unknown>, string[]>, { type, options: options.map((o) => o.value) });
  return (
    <fieldset id={meta.id} className="mb-5" aria-describedby={describedBy}>
      <legend className="mb-1 font-semibold">{legend}</legend>
      {help ? (
        <p id={helpId} className="mb-3 text-sm text-slate-700">
          {help}
        </p>
      ) : null}
      <ul className={inline ? "flex flex-wrap gap-x-6 gap-y-1" : "space-y-3"}>
        {items.map((item) => {
          const [key, props] = splitKey(item);
          const option = options.find((o) => o.value === props.value)!;
          return (
            <li key={props.value} className="flex items-start gap-3">
              <input key={key} {...props} className="mt-1 h-5 w-5 shrink-0" aria-describedby={option.help ? `${props.id}-help` : undefined} />
              <label htmlFor={props.id}>
                <span className={option.help ? "font-medium" : undefined}>{option.label}</span>
                {option.help ? (
                  <span id={`${props.id}-help`} className="block text-sm text-slate-700">
                    {option.help}
                  </span>
                ) : null}
              </label>
            </li>
          );
        })}
      </ul>
      <FieldErrors id={meta.errorId} errors={meta.errors} />
    </fieldset>
  );
}

/** A single checkbox (an on/off choice). */
export function CheckboxField({ meta, label }: { meta: FieldMetadata<unknown, Record<string, unknown>, string[]>; label: string }) {
  const [key, props] = splitKey(getInputProps(meta, { type: "checkbox" }));
  return (
    <p className="mt-3 flex items-center gap-2">
      <input key={key} {...props} className="h-5 w-5" />
      <label htmlFor={meta.id}>{label}</label>
    </p>
  );
}
