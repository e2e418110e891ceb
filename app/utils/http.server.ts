// HTTP errors as pages: a loader or an action throws one, and the route's error boundary shows it
// in the person's language (app/components/error-boundary.tsx).

export type HttpErrorStatus = 400 | 403 | 404 | 409 | 413 | 429;

const STATUS_TEXT: Record<HttpErrorStatus, string> = {
  400: "Bad Request",
  403: "Forbidden",
  404: "Not Found",
  409: "Conflict",
  413: "Payload Too Large",
  429: "Too Many Requests",
};

/** Throws the HTTP error `status` unless `condition` holds: the one way to answer with an error page. */
export function invariantResponse(condition: unknown, status: HttpErrorStatus, message?: string): asserts condition {
  if (!condition) throw new Response(message ?? STATUS_TEXT[status], { status, statusText: STATUS_TEXT[status] });
}

/** A route param that must be a positive whole number; anything else is a 404. */
export function requireIdParam(value: string | undefined): number {
  const id = Number(value);
  invariantResponse(value && /^\d{1,9}$/.test(value) && Number.isSafeInteger(id) && id > 0, 404);
  return id;
}

/** No form of the app comes near this; a larger body is refused before it is read whole. */
export const MAX_FORM_BYTES = 1_000_000;

/** The request's form data: a body over MAX_FORM_BYTES is a 413, a body that is not a form a 400. */
export async function readFormData(request: Request): Promise<FormData> {
  const declared = Number(request.headers.get("Content-Length") ?? "0");
  invariantResponse(!(declared > MAX_FORM_BYTES), 413);
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (request.body) {
    const reader = request.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > MAX_FORM_BYTES) {
        // Not awaited: the body of a cloned request is one branch of a tee, whose cancel waits for the other branch.
        reader.cancel().catch(() => undefined);
        invariantResponse(false, 413);
      }
      chunks.push(value);
    }
  }
  let formData: FormData;
  try {
    formData = await new Response(Buffer.concat(chunks), { headers: { "Content-Type": request.headers.get("Content-Type") ?? "" } }).formData();
  } catch {
    return invariantResponse(false, 400) as never;
  }
  const clean = new FormData();
  for (const [name, value] of formData) clean.append(withoutNul(name), typeof value === "string" ? withoutNul(value) : value);
  return clean;
}

/**
 * Text without NUL characters. Nobody types one; PostgreSQL refuses them in text and SQLite would
 * keep them invisibly, so they are dropped where text enters: forms (readFormData) and URL queries
 * (searchParamsOf).
 */
export const withoutNul = (text: string) => (text.includes("\0") ? text.replaceAll("\0", "") : text);

/** The request's URL query, as every loader reads it (without NUL characters). */
export function searchParamsOf(request: Request): URLSearchParams {
  const params = new URL(request.url).searchParams;
  const clean = new URLSearchParams();
  for (const [name, value] of params) clean.append(withoutNul(name), withoutNul(value));
  return clean;
}
