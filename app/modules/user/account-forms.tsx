import { useTranslation } from "react-i18next";
import { describeUserAgent } from "~/utils/user-agent";
import { AppForm, ButtonForm, ChoiceField, InputField, SelectField, SubmitButton, useAppForm } from "~/components/app-form";
import { checkWith } from "~/components/form-check";
import { DELIVERY_MODES, NOTIFICATION_KINDS, type DeliveryMode, type NotificationKind } from "~/modules/notification/kinds";
import { PreferencesSchema } from "~/modules/notification/notification.schema";
import { formatDateTime } from "~/utils/format";
import { localName } from "~/utils/i18n";
import { AccountActionSchema, PASSWORD_MIN } from "./account.schema";

type Account = {
  name: string;
  hasPassword: boolean;
  email: string;
  locale: string | null;
  role: string;
  institution: { nameLv: string; nameEn: string };
  sessions: { id: string; createdAt: string; userAgent: string; current: boolean }[];
};

function ProfileForm({ account, locale }: { account: Account; locale: string }) {
  const { t } = useTranslation("account");
  const [form, fields] = useAppForm({
    id: "profile",
    check: checkWith(AccountActionSchema),
    defaultValue: { name: account.name, locale: account.locale ?? "" },
  });
  return (
    <section aria-labelledby="profile-title" className="rounded-lg bg-white p-6 shadow">
      <h2 id="profile-title" className="mb-2 text-xl font-semibold">
        {t("profile")}
      </h2>
      <p className="mb-4 text-slate-700">
        {account.email} · {t(`common:roles.${account.role}`)} · {localName(locale, account.institution)}
      </p>
      <AppForm form={form}>
        <input type="hidden" name="intent" value="profile" />
        <InputField meta={fields.name} label={t("name")} autoComplete="name" />
        <SelectField
          meta={fields.locale}
          label={t("locale")}
          empty={t("localeBrowser")}
          options={[
            ["lv", "Latviešu"],
            ["en", "English"],
          ]}
        />
        <SubmitButton form={form}>{t("saveProfile")}</SubmitButton>
      </AppForm>
    </section>
  );
}

function PasswordForm() {
  const { t } = useTranslation("account");
  const [form, fields] = useAppForm({ id: "password", check: checkWith(AccountActionSchema) });
  return (
    <section aria-labelledby="password-title" className="rounded-lg bg-white p-6 shadow">
      <h2 id="password-title" className="mb-4 text-xl font-semibold">
        {t("password")}
      </h2>
      <AppForm form={form}>
        <input type="hidden" name="intent" value="password" />
        <InputField meta={fields.currentPassword} type="password" label={t("currentPassword")} autoComplete="current-password" />
        <InputField
          meta={fields.newPassword}
          type="password"
          label={t("newPassword")}
          help={t("newPasswordHelp", { min: PASSWORD_MIN, count: PASSWORD_MIN })}
          autoComplete="new-password"
        />
        <InputField meta={fields.confirmPassword} type="password" label={t("confirmPassword")} autoComplete="new-password" />
        <SubmitButton form={form}>{t("changePassword")}</SubmitButton>
      </AppForm>
    </section>
  );
}

function NotificationPreferences({ preferences, emailConfigured }: { preferences: Record<NotificationKind, DeliveryMode>; emailConfigured: boolean }) {
  const { t } = useTranslation("notifications");
  const [form, fields] = useAppForm({ id: "notifications", check: checkWith(PreferencesSchema), defaultValue: preferences });
  const modes = DELIVERY_MODES.map((mode) => ({ value: mode, label: t(`prefs.modes.${mode}`) }));
  return (
    <section id="notifications" aria-labelledby="notifications-title" className="rounded-lg bg-white p-6 shadow">
      <h2 id="notifications-title" className="mb-2 text-xl font-semibold">
        {t("prefs.title")}
      </h2>
      <p className="mb-2 text-slate-700">{t("prefs.intro")}</p>
      {emailConfigured ? null : <p className="mb-4 text-slate-700">{t("prefs.emailOff")}</p>}
      <AppForm form={form}>
        <input type="hidden" name="intent" value="notifications" />
        {NOTIFICATION_KINDS.map((kind) => (
          <div key={kind} className="border-b border-slate-200 pt-1">
            <ChoiceField meta={fields[kind]} type="radio" legend={t(`prefs.kinds.${kind}`)} options={modes} inline />
          </div>
        ))}
        <SubmitButton form={form}>{t("prefs.save")}</SubmitButton>
      </AppForm>
    </section>
  );
}

export function AccountForms({
  account,
  locale,
  preferences,
  emailConfigured,
  providerNames,
}: {
  account: Account;
  /** The providers the person signs in with, named in the page's language. */
  providerNames: string[];
  locale: string;
  preferences: Record<NotificationKind, DeliveryMode>;
  emailConfigured: boolean;
}) {
  const { t, i18n } = useTranslation("account");
  const deviceName = (userAgent: string) => {
    const { browser, system } = describeUserAgent(userAgent);
    if (browser && system) return t("device", { browser, system });
    return browser ?? system ?? t("unknownDevice");
  };
  return (
    <div className="space-y-8">
      <ProfileForm account={account} locale={locale} />
      {account.hasPassword ? (
        <PasswordForm />
      ) : (
        <section aria-labelledby="password-title" className="rounded-lg bg-white p-6 shadow">
          <h2 id="password-title" className="mb-2 text-xl font-semibold">
            {t("password")}
          </h2>
          <p>{t("noPassword", { providers: providerNames.join(", ") || "—" })}</p>
        </section>
      )}
      <NotificationPreferences preferences={preferences} emailConfigured={emailConfigured} />
      <section id="sessions" aria-labelledby="sessions-title" className="rounded-lg bg-white p-6 shadow">
        <h2 id="sessions-title" className="mb-2 text-xl font-semibold">
          {t("sessions")}
        </h2>
        <p className="mb-4 text-slate-700">{t("sessionsHelp")}</p>
        <ul className="space-y-3">
          {account.sessions.map((s, i) => (
            <li key={s.id} className="flex flex-wrap items-center justify-between gap-3 border-b border-slate-200 pb-3">
              <span>
                <span className="block">{formatDateTime(i18n.language, s.createdAt)}</span>
                <span className="block text-sm text-slate-700" title={s.userAgent || undefined}>
                  {deviceName(s.userAgent)}
                </span>
              </span>
              {s.current ? (
                <strong>{t("thisSession")}</strong>
              ) : (
                <ButtonForm id={`end-session-${i}`} fields={{ intent: "end-session", sessionId: s.id }} label={t("endSession")} />
              )}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
