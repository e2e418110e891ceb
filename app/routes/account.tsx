import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AccountForms } from "~/modules/user/account-forms";
import { AccountActionSchema } from "~/modules/user/account.schema";
import { modesFromFields } from "~/modules/notification/kinds";
import { getPreferences, savePreferences } from "~/modules/notification/notification.server";
import { mailConfig } from "~/modules/mail/config.server";
import { changePassword, endSession, getAccount, updateProfile } from "~/modules/user/account.server";
import { requireUser } from "~/utils/auth.server";
import { readFormData } from "~/utils/form.server";
import { getLocale, getT } from "~/utils/i18n.server";
import { currentSessionId, flashToast, localeCookie } from "~/utils/session.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const [t, locale, account, preferences] = await Promise.all([getT(request, "account"), getLocale(request), getAccount(user, await currentSessionId(request)), getPreferences(user.id)]);
  return { title: `${t("title")} · ${t("common:appName")}`, locale, account, preferences, emailConfigured: !!mailConfig().smtpUrl };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const sessionId = await currentSessionId(request);
  const submission = parseWithZod(await readFormData(request), { schema: AccountActionSchema });
  if (submission.status !== "success") {
    return data({ intent: String(submission.payload.intent ?? ""), reply: submission.reply({ hideFields: ["currentPassword", "newPassword", "confirmPassword"] }) }, { status: 400 });
  }
  const value = submission.value;
  switch (value.intent) {
    case "profile": {
      await updateProfile(user, value.name, value.locale);
      const headers = new Headers({ "Set-Cookie": await flashToast(request, "account:toast.profile") });
      if (value.locale) headers.append("Set-Cookie", await localeCookie.serialize(value.locale));
      return redirect("/account", { headers });
    }
    case "password": {
      const ok = await changePassword(user, sessionId, value.currentPassword, value.newPassword);
      if (!ok) {
        return data(
          { intent: "password", reply: submission.reply({ fieldErrors: { currentPassword: ["account:errors.wrongPassword"] }, hideFields: ["currentPassword", "newPassword", "confirmPassword"] }) },
          { status: 400 },
        );
      }
      return redirect("/account", { headers: { "Set-Cookie": await flashToast(request, "account:toast.password") } });
    }
    case "notifications": {
      await savePreferences(user.id, modesFromFields(value));
      return redirect("/account#notifications", { headers: { "Set-Cookie": await flashToast(request, "account:toast.notifications") } });
    }
    case "end-session": {
      await endSession(user, sessionId, value.sessionId);
      return redirect("/account#sessions", { headers: { "Set-Cookie": await flashToast(request, "account:toast.sessionEnded") } });
    }
  }
}

export default function Account() {
  const { account, locale, preferences, emailConfigured } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation("account");
  return (
    <div className="max-w-2xl">
      <h1 className="mb-6 text-3xl font-bold">{t("title")}</h1>
      <AccountForms account={account} locale={locale} preferences={preferences} emailConfigured={emailConfigured} result={result ?? null} />
    </div>
  );
}
