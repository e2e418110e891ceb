import { Field, FieldErrors } from "~/components/ui/field";
import type { SubmissionResult } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { formatDateTime } from "~/utils/format";
import { NOTIFICATION_KINDS, DELIVERY_MODES, preferenceField, type DeliveryMode, type NotificationKind } from "~/modules/notification/kinds";
import { PASSWORD_MIN } from "./account.schema";
import { localName } from "~/utils/i18n";

type Account = {
  name: string;
  email: string;
  locale: string | null;
  role: string;
  institution: { nameLv: string; nameEn: string };
  sessions: { id: string; createdAt: string; userAgent: string; current: boolean }[];
};
type Result = { intent: string; reply: SubmissionResult<string[]> } | null;


function Input({ id, name, label, type = "text", defaultValue, errors, autoComplete, help }: { id: string; name: string; label: string; type?: string; defaultValue?: string; errors?: string[] | null; autoComplete?: string; help?: string }) {
  return (
    <Field id={id} label={label} help={help} errors={errors ?? undefined}>
      {(a11y) => <input {...a11y} name={name} type={type} defaultValue={defaultValue} autoComplete={autoComplete} className="input" />}
    </Field>
  );
}

function NotificationPreferences({ preferences, emailConfigured, reply }: { preferences: Record<NotificationKind, DeliveryMode>; emailConfigured: boolean; reply?: SubmissionResult<string[]> }) {
  const { t } = useTranslation("notifications");
  return (
    <section id="notifications" aria-labelledby="notifications-title" className="rounded-lg bg-white p-6 shadow">
      <h2 id="notifications-title" className="mb-2 text-xl font-semibold">
        {t("prefs.title")}
      </h2>
      <p className="mb-2 text-slate-700">{t("prefs.intro")}</p>
      {emailConfigured ? null : <p className="mb-4 text-slate-700">{t("prefs.emailOff")}</p>}
      <Form method="post" noValidate>
        <input type="hidden" name="intent" value="notifications" />
        {NOTIFICATION_KINDS.map((kind) => {
          const field = preferenceField(kind);
          const errors = reply?.error?.[field];
          const chosen = (reply?.initialValue?.[field] as string | undefined) ?? preferences[kind];
          return (
            <fieldset key={kind} className="mb-4 border-b border-slate-200 pb-3" aria-describedby={errors?.length ? `pref-${field}-error` : undefined}>
              <legend className="mb-1 font-semibold">{t(`prefs.kinds.${kind}`)}</legend>
              <div className="flex flex-wrap gap-x-6 gap-y-1">
                {DELIVERY_MODES.map((mode) => (
                  <label key={mode} className="inline-flex items-center gap-2">
                    <input type="radio" name={field} value={mode} defaultChecked={chosen === mode} className="h-4 w-4" />
                    {t(`prefs.modes.${mode}`)}
                  </label>
                ))}
              </div>
              <FieldErrors id={`pref-${field}-error`} errors={errors} />
            </fieldset>
          );
        })}
        <button type="submit" className="btn-primary">
          {t("prefs.save")}
        </button>
      </Form>
    </section>
  );
}

export function AccountForms({
  account,
  locale,
  preferences,
  emailConfigured,
  result,
}: {
  account: Account;
  locale: string;
  preferences: Record<NotificationKind, DeliveryMode>;
  emailConfigured: boolean;
  result: Result;
}) {
  const { t, i18n } = useTranslation("account");
  const mine = (intent: string) => (result?.intent === intent ? result.reply : undefined);
  const profile = mine("profile");
  const password = mine("password");
  return (
    <div className="space-y-8">
      <section aria-labelledby="profile-title" className="rounded-lg bg-white p-6 shadow">
        <h2 id="profile-title" className="mb-2 text-xl font-semibold">
          {t("profile")}
        </h2>
        <p className="mb-4 text-slate-700">
          {account.email} · {t(`common:roles.${account.role}`)} · {localName(locale, account.institution)}
        </p>
        <Form method="post" noValidate>
          <input type="hidden" name="intent" value="profile" />
          <Input id="account-name" name="name" label={t("name")} defaultValue={(profile?.initialValue?.name as string) ?? account.name} errors={profile?.error?.name} autoComplete="name" />
          <div className="mb-4">
            <label htmlFor="account-locale" className="mb-1 block font-semibold">
              {t("locale")}
            </label>
            <select id="account-locale" name="locale" defaultValue={account.locale ?? ""} className="input">
              <option value="">{t("localeBrowser")}</option>
              <option value="lv" lang="lv">
                Latviešu
              </option>
              <option value="en" lang="en">
                English
              </option>
            </select>
          </div>
          <button type="submit" className="btn-primary">
            {t("saveProfile")}
          </button>
        </Form>
      </section>

      <section aria-labelledby="password-title" className="rounded-lg bg-white p-6 shadow">
        <h2 id="password-title" className="mb-4 text-xl font-semibold">
          {t("password")}
        </h2>
        <Form method="post" noValidate>
          <input type="hidden" name="intent" value="password" />
          <Input id="account-current" name="currentPassword" type="password" label={t("currentPassword")} errors={password?.error?.currentPassword} autoComplete="current-password" />
          <Input id="account-new" name="newPassword" type="password" label={t("newPassword")} help={t("newPasswordHelp", { min: PASSWORD_MIN })} errors={password?.error?.newPassword} autoComplete="new-password" />
          <Input id="account-confirm" name="confirmPassword" type="password" label={t("confirmPassword")} errors={password?.error?.confirmPassword} autoComplete="new-password" />
          <button type="submit" className="btn-primary">
            {t("changePassword")}
          </button>
        </Form>
      </section>

      <NotificationPreferences preferences={preferences} emailConfigured={emailConfigured} reply={mine("notifications")} />

      <section id="sessions" aria-labelledby="sessions-title" className="rounded-lg bg-white p-6 shadow">
        <h2 id="sessions-title" className="mb-2 text-xl font-semibold">
          {t("sessions")}
        </h2>
        <p className="mb-4 text-slate-700">{t("sessionsHelp")}</p>
        <ul className="space-y-3">
          {account.sessions.map((s) => (
            <li key={s.id} className="flex flex-wrap items-center justify-between gap-3 border-b border-slate-200 pb-3">
              <span>
                <span className="block">{formatDateTime(i18n.language, s.createdAt)}</span>
                <span className="block text-sm text-slate-700 break-all">{s.userAgent || t("unknownDevice")}</span>
              </span>
              {s.current ? (
                <strong>{t("thisSession")}</strong>
              ) : (
                <Form method="post">
                  <input type="hidden" name="intent" value="end-session" />
                  <input type="hidden" name="sessionId" value={s.id} />
                  <button type="submit" className="btn-secondary">
                    {t("endSession")}
                  </button>
                </Form>
              )}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
