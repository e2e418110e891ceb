import type { LoaderFunctionArgs } from "@remix-run/node";

// Every URL no other route serves: a real 404 status, shown by the root's translated error page.
export async function loader(_: LoaderFunctionArgs) {
  throw new Response("Not Found", { status: 404, statusText: "Not Found" });
}

export async function action() {
  throw new Response("Not Found", { status: 404, statusText: "Not Found" });
}

export default function NotFound() {
  return null;
}
