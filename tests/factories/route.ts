import { runWithRequestContext } from "~/utils/request-context.server";

// Runs a route's loader or action as Remix would and normalises what it answers (a Response,
// data() with a status, a plain value, or a thrown Response) into { status, headers, data }.
type RouteArgs = { request: Request; params?: Record<string, string>; context?: Record<string, unknown> };
type RouteFn = (args: { request: Request; params: Record<string, string>; context: Record<string, unknown> }) => unknown;

export type RouteResult = { status: number; headers: Headers; data: unknown; location: string | null };

async function normalise(value: unknown): Promise<RouteResult> {
  if (value instanceof Response) {
    const text = await value.text();
    let data: unknown = text;
    try {
      data = JSON.parse(text);
    } catch {
      /* text */
    }
    return { status: value.status, headers: value.headers, data, location: value.headers.get("Location") };
  }
  if (value && typeof value === "object" && (value as { type?: string }).type === "DataWithResponseInit") {
    const { data, init } = value as { data: unknown; init: ResponseInit | null };
    const headers = new Headers(init?.headers);
    return { status: init?.status ?? 200, headers, data, location: headers.get("Location") };
  }
  return { status: 200, headers: new Headers(), data: value, location: null };
}

export async function run(fn: RouteFn, { request, params = {}, context = {} }: RouteArgs): Promise<RouteResult> {
  const full = { clientIp: "10.0.0.1", ...context };
  try {
    // Inside the request's context, as the server runs every request (the audit log takes the address from it).
    return await normalise(await runWithRequestContext({ ip: String(full.clientIp) }, () => fn({ request, params, context: full })));
  } catch (thrown) {
    if (thrown instanceof Response) return normalise(thrown);
    throw thrown;
  }
}

/** The messages and kept values of a form reply (the route adapter's answer to a refused form). */
export function reply(result: RouteResult) {
  const data = result.data as { formId?: string; result?: { error?: Record<string, string[] | null>; initialValue?: Record<string, unknown> }; link?: string };
  if (!data?.result) throw new Error(`Not a form reply: ${JSON.stringify(result.data)}`);
  return { error: data.result.error ?? {}, initialValue: data.result.initialValue ?? {}, link: data.link };
}
