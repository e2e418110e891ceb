// The form kit's parts that need no form library: a form's id, the action's reply to it, its busy
// state, the submit button and ButtonForm. Forms with fields are built with app-form.tsx (conform),
// which re-exports these; a page whose only forms are buttons, like the board, imports this module
// and so does not load conform.
import { Form, useActionData, useNavigation } from "@remix-run/react";
import type { ReactNode } from "react";
import { FORM_ID_FIELD, type FormReply } from "~/utils/form";
import { FormError } from "./ui/field";

/**
 * A form's HTML id: its name on the page with "-form" after it, so it never meets the id of the
 * section it sits in (pages link to sections: /ideas/1/manage#move).
 */
export const formElementId = (id: string) => `${id}-form`;

/** The action's reply, when it answers the form named `id`. */
export function useFormReply<D = unknown>(id: string): FormReply<D> | undefined {
  const answer = useActionData() as FormReply<D> | undefined;
  return answer && answer.formId === formElementId(id) ? answer : undefined;
}

/** True while this form's submission is on its way (`formId`: the form element's id, form.id). */
export function useBusy(formId: string) {
  const navigation = useNavigation();
  return navigation.state !== "idle" && navigation.formData?.get(FORM_ID_FIELD) === formId;
}

/**
 * A form that is one button (support, withdraw, deactivate…): its fields are fixed values. It has
 * nothing to check in the browser, so it is a plain form without conform, with the same id,
 * messages and attributes as an AppForm.
 */
export function ButtonForm({
  id,
  fields,
  label,
  className = "btn-secondary",
  action,
  pressed,
  ariaLabel,
}: {
  id: string;
  fields: Record<string, string | number>;
  label: ReactNode;
  className?: string;
  action?: string;
  pressed?: boolean;
  ariaLabel?: string;
}) {
  const formId = formElementId(id);
  const busy = useBusy(formId);
  // The reply's messages for the whole form (conform keeps them under the form's name, "").
  const errors = useFormReply(id)?.result.error?.[""] ?? [];
  return (
    <Form
      method="post"
      action={action}
      id={formId}
      noValidate
      aria-invalid={errors.length ? true : undefined}
      aria-describedby={errors.length ? `${formId}-error` : undefined}
    >
      <input type="hidden" name={FORM_ID_FIELD} value={formId} />
      <FormError id={`${formId}-error`} errors={errors} />
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button type="submit" className={className} aria-pressed={pressed} aria-label={ariaLabel} disabled={busy}>
        {label}
      </button>
    </Form>
  );
}

export function SubmitButton({
  form,
  children,
  secondary = false,
  name,
  value,
}: {
  form: { id: string };
  children: ReactNode;
  secondary?: boolean;
  name?: string;
  value?: string;
}) {
  const busy = useBusy(form.id);
  return (
    <button type="submit" name={name} value={value} className={secondary ? "btn-secondary" : "btn-primary"} disabled={busy}>
      {children}
    </button>
  );
}
