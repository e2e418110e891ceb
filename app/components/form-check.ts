// A form's check in the browser: the zod schema the server checks it with, run as fields are left.
// It lives apart from components/form.tsx so that pages whose forms are checked only by the server
// (the board, one-button forms) do not carry the validation library to the browser.
import { parseWithZod } from "@conform-to/zod/v4";
import type { z } from "zod";

export type FormCheck<S extends z.ZodType = z.ZodType> = {
  /** Only carries the schema's type, for the fields' metadata. */
  readonly schema?: S;
  validate: (formData: FormData) => unknown;
};

/** The check of a form: its schema, or one picked from what was filled in (a draft or a submission). */
export function checkWith<S extends z.ZodType>(schema: S): FormCheck<S>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function checkWith(pick: (formData: FormData) => z.ZodType): FormCheck<z.ZodType<Record<string, any>, Record<string, any>>>;
export function checkWith(schema: z.ZodType | ((formData: FormData) => z.ZodType)): FormCheck {
  return { validate: (formData) => parseWithZod(formData, { schema: typeof schema === "function" ? schema(formData) : schema }) };
}
