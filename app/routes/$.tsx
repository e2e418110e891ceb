import type { LoaderFunctionArgs } from "@remix-run/node";
import { invariantResponse } from "~/utils/http.server";
import { pageMeta } from "~/utils/meta";

export const meta = pageMeta;
export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-boundary";

// Every URL no other route serves: a real 404 status, shown by the translated error page.
export async function loader(_: LoaderFunctionArgs) {
  invariantResponse(false, 404);
}

export async function action() {
  invariantResponse(false, 404);
}

export default function NotFound() {
  return null;
}
