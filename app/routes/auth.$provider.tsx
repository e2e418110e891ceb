import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { handleForm } from "~/core/form.server";
import { ProviderSignInSchema } from "~/modules/user/login.schema";
import { rememberProviderState } from "~/modules/user/pending-sign-in.server";
import { startProviderSignIn } from "~/modules/user/single-sign-on.server";
import { requireAnonymous } from "~/utils/auth.server";
import { invariantResponse } from "~/utils/http.server";
import { getLocale } from "~/utils/i18n.server";
import { pageMeta } from "~/utils/meta";
import { appOrigin, oidcProvider, redirectUri } from "~/utils/oidc-config.server";
import { safeRedirect } from "~/utils/safe-redirect";

// Starting a sign-in changes state (a request waits for the answer), so it is POST only.
export async function loader() {
  return redirect("/login");
}

/** "Sign in with your institution's account": off to the provider, with PKCE, state and nonce. */
export async function action({ request, params }: ActionFunctionArgs) {
  const provider = oidcProvider(params.provider ?? "");
  invariantResponse(provider, 404);
  await requireAnonymous(request);
  const locale = await getLocale(request);
  return handleForm(request, {
    pageless: true,
    schema: ProviderSignInSchema,
    run: ({ redirectTo }) =>
      startProviderSignIn(null, { provider, redirectUri: redirectUri(appOrigin(request), provider.id), redirectTo: safeRedirect(redirectTo, "/"), locale }),
    done: async (start) =>
      "unavailable" in start
        ? { redirect: "/login", toast: { key: "auth:sso.unavailable", type: "error" } }
        : { redirect: start.url, headers: { "Set-Cookie": await rememberProviderState(start.state) } },
  });
}

// A refusal (a tampered form) shows the translated error page.
export const meta = pageMeta;
export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
export default function NoPage() {
  return null;
}
