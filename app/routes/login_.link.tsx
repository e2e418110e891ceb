import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AppForm, InputField, SubmitButton, useAppForm } from "~/components/app-form";
import { checkWith } from "~/components/form-check";
import { handleForm } from "~/core/form.server";
import { ok } from "~/core/result";
import { providerLabel } from "~/modules/user/identities.server";
import { LinkSchema } from "~/modules/user/login.schema";
import { endPendingLink, pendingLink, startPendingSignIn } from "~/modules/user/pending-sign-in.server";
import { signIn } from "~/modules/user/sign-in.server";
import { confirmIdentity, waitingIdentity } from "~/modules/user/single-sign-on.server";
import { createUserSession, requireAnonymous } from "~/utils/auth.server";
import { getLocale, getT } from "~/utils/i18n.server";
import { pageMeta } from "~/utils/meta";
import { redirectWithToast } from "~/utils/session.server";

export const meta = pageMeta;
export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-boundary";

/** The identity a provider just confirmed, waiting to be linked; without one, back to the sign-in page. */
async function requireWaiting(request: Request) {
  await requireAnonymous(request);
  const link = await pendingLink(request);
  const identity = link ? await waitingIdentity(link.identityId) : null;
  if (!link || !identity || !identity.user.active) throw await redirectWithToast(request, "/login", { key: "auth:link.expired", type: "error" });
  return { link, identity };
}

export async function loader({ request }: LoaderFunctionArgs) {
  const { identity } = await requireWaiting(request);
  const [t, locale] = await Promise.all([getT(request, "auth"), getLocale(request)]);
  return {
    title: `${t("link.title")} · ${t("common:appName")}`,
    email: identity.user.email,
    provider: providerLabel(identity.provider, locale).name,
    // An account without a password can only be linked by an administrator.
    hasPassword: identity.user.passwordHash !== null,
  };
}

/** The account's password, once: it proves the account is the person's, and links the identity. */
export async function action({ request, context }: ActionFunctionArgs) {
  const { link, identity } = await requireWaiting(request);
  const ip = (context as { clientIp?: string }).clientIp ?? "unknown";
  return handleForm(request, {
    schema: LinkSchema,
    hide: ["password"],
    async run({ password }) {
      const checked = await signIn(null, { email: identity.user.email, password, ip, purpose: "link" });
      // With two-factor on, the identity is linked once the code is right too (/login/code).
      if (!checked.ok || checked.value.secondFactor) return checked;
      const linked = await confirmIdentity(null, { identityId: identity.id, userId: checked.value.userId, link: true, how: "password", ip });
      return linked.ok ? ok(checked.value) : linked;
    },
    async done({ userId, secondFactor }) {
      const headers = new Headers();
      headers.append("Set-Cookie", await endPendingLink());
      const provider = { identityId: link.identityId, idToken: link.idToken };
      if (secondFactor) {
        headers.append("Set-Cookie", await startPendingSignIn(userId, link.redirectTo, { ...provider, provider: identity.provider, link: true }));
        return { redirect: "/login/code", headers };
      }
      headers.append("Set-Cookie", await createUserSession(request, userId, provider));
      return { redirect: link.redirectTo, headers };
    },
  });
}

export default function LinkAccount() {
  const { email, provider, hasPassword } = useLoaderData<typeof loader>();
  const { t } = useTranslation("auth");
  const [form, fields] = useAppForm({ id: "link", check: checkWith(LinkSchema) });
  return (
    <div className="mx-auto max-w-md">
      <h1 className="mb-2 text-3xl font-bold">{t("link.title")}</h1>
      <p className="mb-4 text-slate-700">{t("link.intro", { email, provider })}</p>
      {hasPassword ? (
        <AppForm form={form} className="rounded-lg bg-white p-6 shadow">
          <p className="mb-4">
            {t("link.account")} <strong>{email}</strong>
          </p>
          <InputField meta={fields.password} type="password" label={t("link.password")} autoComplete="current-password" />
          <div className="[&>button]:w-full">
            <SubmitButton form={form}>{t("link.submit")}</SubmitButton>
          </div>
        </AppForm>
      ) : (
        <p className="rounded-lg border-l-4 border-slate-700 bg-white p-4">{t("link.askAdmin")}</p>
      )}
      <p className="mt-6">
        <a href="/login" className="link">
          {t("link.cancel")}
        </a>
      </p>
    </div>
  );
}
