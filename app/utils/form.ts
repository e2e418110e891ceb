// What an action answers a form with, shared by the server's adapter and the browser's forms.
import type { SubmissionResult } from "@conform-to/react";

/** The hidden field that names the form a submission came from (several forms share a page). */
export const FORM_ID_FIELD = "formId";

export type FormReply<D = unknown> = {
  /** The form this answers: only that form shows the messages. */
  formId: string;
  result: SubmissionResult<string[]>;
  /** Where to fix what is missing (a stage gate's Test Card, say). */
  link?: string;
  /** What the page shows after a success that stays on it (a set-password link, say). */
  data?: D;
};

/** True when an action's answer is a form shown again with messages (a refused submission). */
export function isFailedReply(value: unknown): boolean {
  if (!value || typeof value !== "object" || !("formId" in value) || !("result" in value)) return false;
  const result = (value as FormReply).result;
  return result?.status === "error" && Object.values(result.error ?? {}).some((messages) => Boolean(messages?.length));
}
