import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { handleForm } from "~/core/form.server";
import { pageMeta } from "~/utils/meta";
import { ok } from "~/core/result";
import { SignOutSchema } from "~/modules/user/header.schema";
import { logout } from "~/utils/auth.server";

// Signing out changes state, so it is POST only; a GET just goes home.
export async function loader() {
  return redirect("/");
}

export async function action({ request }: ActionFunctionArgs) {
  return handleForm(request, {
    pageless: true,
    schema: SignOutSchema,
    run: async () => ok(),
    done: async () => ({ redirect: "/login", headers: { "Set-Cookie": await logout(request) } }),
  });
}

// A refusal (a tampered form) shows the translated error page.
export const meta = pageMeta;
export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
export default function NoPage() {
  return null;
}
