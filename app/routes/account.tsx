import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { handleForm } from "~/core/form.server";
import { mailConfig } from "~/modules/mail/config.server";
import { modesOf } from "~/modules/notification/notification.schema";
import { getPreferences, savePreferences } from "~/modules/notification/notification.server";
import { AccountForms } from "~/modules/user/account-forms";
import { AccountActionSchema, PASSWORD_FIELDS } from "~/modules/user/account.schema";
import { changePassword, endSession, getAccount, updateProfile } from "~/modules/user/account.server";
import { providerLabel } from "~/modules/user/identities.server";
import { requireUser } from "~/utils/auth.server";
import { getLocale, getT } from "~/utils/i18n.server";
import { pageMeta } from "~/utils/meta";
import { currentSessionId, localeCookie } from "~/utils/session.server";

export const meta = pageMeta;
export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-boundary";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const [t, locale, account, preferences] = await Promise.all([
    getT(request, "account"),
    getLocale(request),
    getAccount(user, await currentSessionId(request)),
    getPreferences(user.id),
  ]);
  return {
    title: `${t("title")} · ${t("common:appName")}`,
    locale,
    account,
    preferences,
    emailConfigured: !!mailConfig().smtpUrl,
    twoFactor: !!user.twoFactor,
    providerNames: account.providers.map((id) => providerLabel(id, locale).name),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const sessionId = await currentSessionId(request);
  const ip = (context as { clientIp?: string }).clientIp ?? "unknown";
  return handleForm(request, {
    schema: AccountActionSchema,
    hide: PASSWORD_FIELDS,
    run(value) {
      switch (value.intent) {
        case "profile":
          return updateProfile(user, value);
        case "password":
          return changePassword(user, { currentSessionId: sessionId, current: value.currentPassword, next: value.newPassword, ip });
        case "notifications":
          return savePreferences(user, modesOf(value));
        case "end-session":
          return endSession(user, { currentSessionId: sessionId, sessionId: value.sessionId });
      }
    },
    async done(_, value) {
      switch (value.intent) {
        case "profile":
          return {
            redirect: "/account",
            toast: "account:toast.profile",
            headers: value.locale ? { "Set-Cookie": await localeCookie.serialize(value.locale) } : undefined,
          };
        case "password":
          return { redirect: "/account", toast: "account:toast.password" };
        case "notifications":
          return { redirect: "/account#notifications", toast: "account:toast.notifications" };
        case "end-session":
          return { redirect: "/account#sessions", toast: "account:toast.sessionEnded" };
      }
    },
  });
}

export default function Account() {
  const { account, locale, preferences, emailConfigured, twoFactor, providerNames } = useLoaderData<typeof loader>();
  const { t } = useTranslation("account");
  return (
    <div className="max-w-2xl">
      <h1 className="mb-6 text-3xl font-bold">{t("title")}</h1>
      <p className="mb-6">
        <Link to="/account/two-factor" className="link">
          {t("twoFactor.link")}
        </Link>{" "}
        ({twoFactor ? t("twoFactor.linkOn") : t("twoFactor.linkOff")})
      </p>
      <AccountForms account={account} locale={locale} preferences={preferences} emailConfigured={emailConfigured} providerNames={providerNames} />
    </div>
  );
}
