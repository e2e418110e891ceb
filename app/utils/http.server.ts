/** Throws a plain HTTP error response (404, 403, 400, 409) that the nearest error boundary shows. */
export function httpError(status: 400 | 403 | 404 | 409, message?: string): never {
  const statusText = { 400: "Bad Request", 403: "Forbidden", 404: "Not Found", 409: "Conflict" }[status];
  throw new Response(message ?? statusText, { status, statusText });
}

export function invariantResponse(condition: unknown, status: 400 | 403 | 404 | 409, message?: string): asserts condition {
  if (!condition) httpError(status, message);
}

/** A route param that must be a positive whole number; anything else is a 404. */
export function requireIdParam(value: string | undefined): number {
  const id = Number(value);
  invariantResponse(value && /^\d{1,9}$/.test(value) && Number.isSafeInteger(id) && id > 0, 404);
  return id;
}
