// The one route adapter: every action reads its form, runs its command and answers through
// handleForm. What it answers:
//   - input the schema refuses: 400, with each message beside its field and everything typed kept;
//   - a command's 400, 409 or 429: that status, the same way (a gate's link with it);
//   - a command's 403 or 404: the error page (thrown, for the route's error boundary);
//   - success: a redirect with a toast, or (for a page that shows what was made) the reply and data.
import type { SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { data as reply, redirect } from "@remix-run/node";
import type { z } from "zod";
import { FORM_ID_FIELD, type FormReply } from "~/utils/form";
import { invariantResponse, readFormData } from "~/utils/http.server";
import { redirectWithToast, type Toast } from "~/utils/session.server";
import type { Result } from "./result";

/** What a successful submission leads to. */
export type Done<D> =
  | { redirect: string; toast?: string | Toast; headers?: HeadersInit }
  /** Stay on the page: the form is reset and `data` shown (e.g. a link that was just made). */
  | { data: D };

type FormSpec<S extends z.ZodType, T, D> = {
  schema: S;
  /** Fields never sent back (passwords). */
  hide?: string[];
  /**
   * Fields the page itself fills in (ids, versions): a bad value there is not the person's doing,
   * so it is reported once for the whole form rather than beside a field nobody can see.
   */
  hidden?: string[];
  /**
   * The form sits on no page of its own (the header's buttons post to routes that only redirect):
   * a refusal is then the error page of its status, there being no form to show messages beside.
   */
  pageless?: boolean;
  run: (input: z.output<S>) => Promise<Result<T>>;
  done: (value: T, input: z.output<S>) => Done<D> | Promise<Done<D>>;
};

/**
 * The app's forms name their fields plainly (a list is the same name repeated), and no schema has a
 * nested object. Conform reads "a.b" and "a[3]" as structure: "a[99999999]" would become an array
 * that long, whose empty slots the reply to the refused form then writes out one by one (seconds of
 * work and hundreds of megabytes from a one-line request). Such names are dropped before it reads
 * the form, as any field the schema does not name is ignored.
 */
function dropStructuredNames(formData: FormData) {
  for (const name of new Set(formData.keys())) if (/[.[\]]/.test(name)) formData.delete(name);
}

export async function handleForm<S extends z.ZodType, T, D = never>(request: Request, spec: FormSpec<S, T, D>) {
  const formData = await readFormData(request);
  const formId = String(formData.get(FORM_ID_FIELD) ?? "");
  formData.delete(FORM_ID_FIELD);
  dropStructuredNames(formData);
  const submission = parseWithZod(formData, { schema: spec.schema });
  const hideFields = spec.hide;
  const answer = (result: SubmissionResult<string[]>, status: number, link?: string) =>
    reply<FormReply<D>>({ formId, result, ...(link ? { link } : {}) }, { status });

  if (submission.status !== "success") {
    invariantResponse(!spec.pageless, 400);
    const broken = (spec.hidden ?? []).filter((name) => submission.error?.[name]);
    const result = submission.reply({ hideFields, ...(broken.length ? { formErrors: ["common:errors.tampered"] } : {}) });
    for (const name of broken) delete result.error?.[name];
    return answer(result, 400);
  }
  const result = await spec.run(submission.value);
  if (!result.ok) {
    invariantResponse(!spec.pageless && result.status !== 403 && result.status !== 404, result.status);
    return answer(submission.reply({ hideFields, formErrors: result.formErrors, fieldErrors: result.fieldErrors }), result.status, result.link);
  }
  const done = await spec.done(result.value, submission.value);
  if ("redirect" in done)
    return done.toast ? redirectWithToast(request, done.redirect, done.toast, done.headers) : redirect(done.redirect, { headers: done.headers });
  return reply<FormReply<D>>({ formId, result: submission.reply({ resetForm: true }), data: done.data });
}
