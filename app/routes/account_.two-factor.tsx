import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AppForm, ButtonForm, InputField, SubmitButton, useAppForm, useFormReply } from "~/components/app-form";
import { checkWith } from "~/components/form-check";
import { BackLink } from "~/components/ui/back-link";
import { handleForm } from "~/core/form.server";
import { TwoFactorActionSchema } from "~/modules/user/two-factor.schema";
import { confirmEnrolment, disableTwoFactor, enrolmentDetails, renewRecoveryCodes, startEnrolment, twoFactorState } from "~/modules/user/two-factor.server";
import { requireUser } from "~/utils/auth.server";
import { getLocale, getT } from "~/utils/i18n.server";
import { formatDateTime } from "~/utils/format";
import { pageMeta } from "~/utils/meta";

export const meta = pageMeta;
export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-boundary";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const [t, locale, state, enrolment] = await Promise.all([getT(request, "account"), getLocale(request), twoFactorState(user.id), enrolmentDetails(user.id)]);
  return { title: `${t("twoFactor.title")} · ${t("common:appName")}`, locale, state, enrolment, admin: user.role === "ADMIN" };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const ip = (context as { clientIp?: string }).clientIp ?? "unknown";
  return handleForm(request, {
    schema: TwoFactorActionSchema,
    hide: ["code"],
    run(value) {
      switch (value.intent) {
        case "start":
          return startEnrolment(user, { ip });
        case "confirm":
          return confirmEnrolment(user, { code: value.code, ip });
        case "recovery-codes":
          return renewRecoveryCodes(user, { code: value.code, ip });
        case "disable":
          return disableTwoFactor(user, { code: value.code, ip });
      }
    },
    done(made, value) {
      if (made) return { data: made };
      if (value.intent === "disable") return { redirect: "/account", toast: "account:twoFactor.toast.off" };
      return { redirect: "/account/two-factor" };
    },
  });
}

function CodeForm({ id, intent, label, submit, secondary }: { id: string; intent: string; label: string; submit: string; secondary?: boolean }) {
  const [form, fields] = useAppForm({ id, check: checkWith(TwoFactorActionSchema) });
  return (
    <AppForm form={form}>
      <input type="hidden" name="intent" value={intent} />
      <InputField meta={fields.code} label={label} autoComplete="one-time-code" />
      <SubmitButton form={form} secondary={secondary}>
        {submit}
      </SubmitButton>
    </AppForm>
  );
}

function RecoveryCodes({ codes }: { codes: string[] }) {
  const { t } = useTranslation("account");
  return (
    <section aria-labelledby="codes-title" className="mb-6 rounded-lg border-2 border-emerald-700 bg-white p-6" tabIndex={-1}>
      <h2 id="codes-title" className="mb-2 text-xl font-semibold">
        {t("twoFactor.codesTitle")}
      </h2>
      <p className="mb-4">{t("twoFactor.codesHelp")}</p>
      <ul className="grid grid-cols-2 gap-2 font-mono text-lg" data-testid="recovery-codes">
        {codes.map((code) => (
          <li key={code}>{code}</li>
        ))}
      </ul>
    </section>
  );
}

export default function TwoFactor() {
  const { state, enrolment, admin, locale } = useLoaderData<typeof loader>();
  const { t } = useTranslation("account");
  const [params] = useSearchParams();
  const confirmed = useFormReply<{ recoveryCodes: string[] }>("confirm");
  const renewed = useFormReply<{ recoveryCodes: string[] }>("recovery-codes");
  const made = (confirmed ?? renewed)?.data;
  return (
    <div className="max-w-2xl">
      <BackLink to="/account">{t("twoFactor.back")}</BackLink>
      <h1 className="mb-4 text-3xl font-bold">{t("twoFactor.title")}</h1>
      {params.get("required") && !state.enabled ? (
        <p className="mb-6 rounded-lg border-l-4 border-amber-600 bg-amber-50 p-4" role="status">
          {t("twoFactor.required")}
        </p>
      ) : null}
      {made ? <RecoveryCodes codes={made.recoveryCodes} /> : null}
      {state.enabled ? (
        <>
          <p className="mb-6" data-testid="two-factor-status">
            {t("twoFactor.on", { date: formatDateTime(locale, state.enabledAt ?? "") })}{" "}
            {state.recoveryLeft ? t("twoFactor.recoveryLeft", { count: state.recoveryLeft }) : t("twoFactor.recoveryNone")}
          </p>
          <section aria-labelledby="renew-title" className="mb-6 rounded-lg bg-white p-6 shadow">
            <h2 id="renew-title" className="mb-2 text-xl font-semibold">
              {t("twoFactor.renewTitle")}
            </h2>
            <p className="mb-4 text-slate-700">{t("twoFactor.renewHelp")}</p>
            <CodeForm id="recovery-codes" intent="recovery-codes" label={t("twoFactor.codeLabel")} submit={t("twoFactor.renew")} />
          </section>
          {admin ? (
            <p className="text-slate-700">{t("twoFactor.adminKeeps")}</p>
          ) : (
            <section aria-labelledby="off-title" className="rounded-lg bg-white p-6 shadow">
              <h2 id="off-title" className="mb-2 text-xl font-semibold">
                {t("twoFactor.offTitle")}
              </h2>
              <p className="mb-4 text-slate-700">{t("twoFactor.offHelp")}</p>
              <CodeForm id="disable" intent="disable" label={t("twoFactor.codeOrRecoveryLabel")} submit={t("twoFactor.turnOff")} secondary />
            </section>
          )}
        </>
      ) : enrolment ? (
        <section aria-labelledby="enrol-title" className="rounded-lg bg-white p-6 shadow">
          <h2 id="enrol-title" className="mb-2 text-xl font-semibold">
            {t("twoFactor.enrolTitle")}
          </h2>
          <ol className="mb-4 list-decimal space-y-2 pl-6">
            <li>{t("twoFactor.stepApp")}</li>
            <li>{t("twoFactor.stepScan")}</li>
            <li>{t("twoFactor.stepCode")}</li>
          </ol>
          {/* The QR code is made on the server from the secret below; nobody else's content is in it. */}
          <div
            role="img"
            aria-label={t("twoFactor.qrLabel")}
            className="mb-4 h-48 w-48 [&>svg]:h-full [&>svg]:w-full"
            dangerouslySetInnerHTML={{ __html: enrolment.qrSvg }}
          />
          <p className="mb-1">{t("twoFactor.secretLabel")}</p>
          <p className="mb-6 font-mono text-lg" data-testid="totp-secret">
            {enrolment.secret}
          </p>
          <CodeForm id="confirm" intent="confirm" label={t("twoFactor.codeLabel")} submit={t("twoFactor.confirm")} />
          <div className="mt-4">
            <ButtonForm id="start" fields={{ intent: "start" }} label={t("twoFactor.newSecret")} />
          </div>
        </section>
      ) : (
        <section aria-labelledby="intro-title" className="rounded-lg bg-white p-6 shadow">
          <h2 id="intro-title" className="mb-2 text-xl font-semibold">
            {t("twoFactor.offNow")}
          </h2>
          <p className="mb-4 text-slate-700">{t("twoFactor.intro")}</p>
          <ButtonForm id="start" fields={{ intent: "start" }} label={t("twoFactor.start")} className="btn-primary" />
        </section>
      )}
    </div>
  );
}
