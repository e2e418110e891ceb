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
        await reader.cancel();
        invariantResponse(false, 413);
      }
      chunks.push(value);
    }
  }
  try {
    return await new Response(Buffer.concat(chunks), { headers: { "Content-Type": request.headers.get("Content-Type") ?? "" } }).formData();
  } catch {
    return invariantResponse(false, 400) as never;
  }
}
