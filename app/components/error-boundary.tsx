import { useRouteError } from "@remix-run/react";
import { ErrorPage } from "./error-page";

/**
 * Every route's error boundary: the page's own error page inside the layout, so the header and
 * the way home stay. Its title comes from pageMeta (utils/meta.ts).
 */
export function RouteErrorBoundary() {
  return <ErrorPage error={useRouteError()} />;
}
