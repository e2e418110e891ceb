/** A form POST as a browser on our own site would send it. */
export function formRequest(
  url: string,
  fields: Record<string, string | string[]> | URLSearchParams,
  init: { cookie?: string; headers?: Record<string, string> } = {},
) {
  return new Request(new URL(url, "http://localhost:3000"), {
    method: "POST",
    headers: {
      "Content-Type": "application/x-www-form-urlencoded",
      ...(init.cookie ? { Cookie: init.cookie } : {}),
      ...init.headers,
    },
    body:
      fields instanceof URLSearchParams
        ? fields
        : new URLSearchParams(Object.entries(fields).flatMap(([k, v]) => (Array.isArray(v) ? v.map((x) => [k, x]) : [[k, v]]))),
  });
}

export function getRequest(url: string, cookie?: string) {
  return new Request(new URL(url, "http://localhost:3000"), { headers: cookie ? { Cookie: cookie } : {} });
}

/** The name=value part of a Set-Cookie header, to send back as a Cookie header. */
export function cookieFrom(response: Response): string {
  const set = response.headers.get("Set-Cookie");
  if (!set) throw new Error("The response set no cookie");
  return set.split(";")[0];
}
