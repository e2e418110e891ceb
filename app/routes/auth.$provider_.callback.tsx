import type { LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { endPendingLink, forgetProviderState, providerState, startPendingLink, startPendingSignIn } from "~/modules/user/pending-sign-in.server";
import { finishProviderSignIn } from "~/modules/user/single-sign-on.server";
import { createUserSession, requireAnonymous } from "~/utils/auth.server";
import { invariantResponse } from "~/utils/http.server";
import { splitMessage } from "~/utils/i18n";
import { getLocale, getT } from "~/utils/i18n.server";
import { pageMeta } from "~/utils/meta";
import { appOrigin, oidcProvider, redirectUri } from "~/utils/oidc-config.server";
import { safeRedirect } from "~/utils/safe-redirect";

export const meta = pageMeta;
export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-boundary";

/**
 * The provider sends the person back here with a code (or an error). Signed in, they go where they
 * were going; with two-factor on, to the code; with an account to link, to its password. A refusal
 * is a page in the person's language that says what to do.
 */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const provider = oidcProvider(params.provider ?? "");
  invariantResponse(provider, 404);
  await requireAnonymous(request);
  const ip = (context as { clientIp?: string }).clientIp ?? "unknown";
  const incoming = new URL(request.url);
  // The code is exchanged at the redirect URI the request was started with, whatever proxy is in front.
  const callbackUrl = new URL(redirectUri(appOrigin(request), provider.id));
  callbackUrl.search = incoming.search;
  const result = await finishProviderSignIn(null, { provider, callbackUrl, browserState: await providerState(request), ip });

  const headers = new Headers();
  headers.append("Set-Cookie", await forgetProviderState());
  if (result.ok) {
    const outcome = result.value;
    const to = safeRedirect(outcome.redirectTo, "/");
    const providerSession = { identityId: outcome.identityId, idToken: outcome.idToken };
    if (outcome.kind === "link") {
      headers.append("Set-Cookie", await startPendingLink({ ...providerSession, redirectTo: to }));
      throw redirect("/login/link", { headers });
    }
    headers.append("Set-Cookie", await endPendingLink());
    if (outcome.secondFactor) {
      headers.append("Set-Cookie", await startPendingSignIn(outcome.userId, to, { ...providerSession, provider: provider.id }));
      throw redirect("/login/code", { headers });
    }
    headers.append("Set-Cookie", await createUserSession(request, outcome.userId, providerSession));
    throw redirect(to, { headers });
  }
  const [t, locale] = await Promise.all([getT(request, "auth"), getLocale(request)]);
  const { key, params: values } = splitMessage(result.formErrors[0] ?? "auth:sso.errors.failed");
  const message = t(key, { ...values, provider: provider.name[locale] });
  return data(
    { title: `${t("sso.refusedTitle")} · ${t("common:appName")}`, message, providerId: provider.id, providerName: provider.name[locale] },
    { status: result.status, headers },
  );
}

export default function ProviderCallback() {
  const { message, providerName } = useLoaderData<typeof loader>();
  const { t } = useTranslation("auth");
  return (
    <div className="max-w-2xl">
      <h1 className="mb-4 text-3xl font-bold">{t("sso.refusedTitle")}</h1>
      <p className="mb-6" data-testid="sso-refusal">
        {message}
      </p>
      <p className="mb-2">
        <Link to="/login" className="link">
          {t("sso.startAgain", { provider: providerName })}
        </Link>
      </p>
    </div>
  );
}
