// The one result every command returns: ok(value), or fail(status, messages) that the route
// adapter (form.server.ts) turns into a form reply, an error page or a status. Messages are
// translation keys ("board:errors.conflict") or validation keys ("required"), never words.

export type FieldErrors = Record<string, string[]>;

/** 400: bad input; 403: not allowed; 404: no such thing (for this person); 409: changed meanwhile; 429: too many tries. */
export type FailureStatus = 400 | 403 | 404 | 409 | 429;

export type Failure = {
  ok: false;
  status: FailureStatus;
  /** Messages about the whole form. */
  formErrors: string[];
  /** Messages beside fields, by field name. */
  fieldErrors: FieldErrors;
  /** Where the person can fix what is missing (a stage gate's Test Card, say). */
  link?: string;
};

export type Success<T> = { ok: true; value: T };
export type Result<T = undefined> = Success<T> | Failure;

export function ok(): Success<undefined>;
export function ok<T>(value: T): Success<T>;
export function ok<T>(value?: T): Success<T | undefined> {
  return { ok: true, value };
}

/**
 * A refusal. `error` is a message for the whole form, or messages by field name; a 403 or 404
 * needs none (the adapter shows the error page).
 */
export function fail(status: FailureStatus, error?: string | Record<string, string | string[]>, link?: string): Failure {
  const failure: Failure = { ok: false, status, formErrors: [], fieldErrors: {} };
  if (typeof error === "string") failure.formErrors.push(error);
  else if (error) for (const [field, messages] of Object.entries(error)) failure.fieldErrors[field] = Array.isArray(messages) ? messages : [messages];
  if (link) failure.link = link;
  return failure;
}
