import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { handleForm } from "~/core/form.server";
import { pageMeta } from "~/utils/meta";
import { ok } from "~/core/result";
import { setLanguage } from "~/modules/user/account.server";
import { LanguageSchema } from "~/modules/user/header.schema";
import { getUser } from "~/utils/auth.server";
import { safeRedirect } from "~/utils/safe-redirect";
import { localeCookie } from "~/utils/session.server";

export async function loader() {
  return redirect("/");
}

/** The language switcher: saves the choice on the user (when signed in) and in a cookie. */
export async function action({ request }: ActionFunctionArgs) {
  const user = await getUser(request);
  return handleForm(request, {
    pageless: true,
    schema: LanguageSchema,
    run: async ({ lng }) => (user ? setLanguage(user, { locale: lng }) : ok()),
    done: async (_, { lng, redirectTo }) => ({ redirect: safeRedirect(redirectTo, "/"), headers: { "Set-Cookie": await localeCookie.serialize(lng) } }),
  });
}

// A refusal (a tampered form) shows the translated error page.
export const meta = pageMeta;
export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
export default function NoPage() {
  return null;
}
