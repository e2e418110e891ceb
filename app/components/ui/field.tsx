import { useErrorTitle } from "../page-meta";
import { useMessage } from "./message";

type FieldProps = {
  id: string;
  label: string;
  errors?: string[];
  help?: string;
  /** More ids that describe the control (a character counter, say). */
  describedBy?: string;
  /** In a grid of fields: no margin below, a smaller label. */
  compact?: boolean;
  children: (props: { id: string; "aria-invalid": true | undefined; "aria-describedby": string | undefined }) => React.ReactNode;
};

/** A label, the control, its help text and its errors, wired together for assistive technology. */
export function Field({ id, label, errors, help, describedBy: more, compact = false, children }: FieldProps) {
  const errorId = `${id}-error`;
  const helpId = `${id}-help`;
  const describedBy = [help ? helpId : null, more ?? null, errors?.length ? errorId : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className={compact ? undefined : "mb-5"}>
      <label htmlFor={id} className={compact ? "mb-1 block text-sm font-semibold" : "mb-1 block font-semibold"}>
        {label}
      </label>
      {help ? (
        <p id={helpId} className="mb-1 text-sm text-slate-700">
          {help}
        </p>
      ) : null}
      {children({ id, "aria-invalid": errors?.length ? true : undefined, "aria-describedby": describedBy })}
      <FieldErrors id={errorId} errors={errors} />
    </div>
  );
}

/** The messages beside one field, under the id its control names in aria-describedby. */
export function FieldErrors({ id, errors }: { id: string; errors?: string[] | null }) {
  const message = useMessage();
  if (!errors?.length) return null;
  return (
    <ul id={id} className="mt-1 text-sm font-medium text-red-800">
      {errors.map((e) => (
        <li key={e}>{message(e)}</li>
      ))}
    </ul>
  );
}

/** A message about the whole form (not one field), announced when it appears. */
export function FormError({ id, errors }: { id: string; errors?: string[] }) {
  const message = useMessage();
  useErrorTitle(Boolean(errors?.length));
  if (!errors?.length) return null;
  return (
    <div id={id} role="alert" className="mb-5 rounded-md border-l-4 border-red-700 bg-red-50 px-4 py-3 text-red-900">
      {errors.map((e) => (
        <p key={e}>{message(e)}</p>
      ))}
    </div>
  );
}

/** Conform's prop objects carry React's `key`, which must not be spread: take it out to pass it directly. */
export function splitKey<T extends { key?: string | number | null | undefined }>(props: T): [T["key"], Omit<T, "key">] {
  const { key, ...rest } = props;
  return [key, rest];
}
