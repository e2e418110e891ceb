import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AppForm, ButtonForm, InputField, SubmitButton, useAppForm } from "~/components/app-form";
import { checkWith } from "~/components/form-check";
import { handleForm } from "~/core/form.server";
import { LoginSchema } from "~/modules/user/login.schema";
import { startPendingSignIn } from "~/modules/user/pending-sign-in.server";
import { hasDemoUsers, signIn } from "~/modules/user/sign-in.server";
import { passwordsForEveryone } from "~/modules/user/site-settings.server";
import { createUserSession, requireAnonymous } from "~/utils/auth.server";
import { DEMO_LOGINS, DEMO_PASSWORD } from "~/utils/demo";
import { env } from "~/utils/env.server";
import { getLocale, getT } from "~/utils/i18n.server";
import { pageMeta } from "~/utils/meta";
import { oidcProviders } from "~/utils/oidc-config.server";
import { safeRedirect } from "~/utils/safe-redirect";

export const meta = pageMeta;
export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-boundary";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAnonymous(request);
  const [t, locale, forEveryone] = await Promise.all([getT(request, "auth"), getLocale(request), passwordsForEveryone()]);
  // The demo box is shown only outside production, and only while the demo users exist.
  const showDemo = !env.isProduction && (await hasDemoUsers(DEMO_LOGINS[0].email));
  const providers = oidcProviders().map((p) => ({ id: p.id, name: p.name[locale] }));
  return {
    title: `${t("login.title")} · ${t("common:appName")}`,
    providers,
    // Passwords off: the form stays, for administrators.
    passwordsForEveryone: forEveryone,
    demo: showDemo ? { logins: DEMO_LOGINS, password: DEMO_PASSWORD, sso: providers.some((p) => p.id === "demo") } : null,
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  await requireAnonymous(request);
  const ip = (context as { clientIp?: string }).clientIp ?? "unknown";
  return handleForm(request, {
    schema: LoginSchema,
    hide: ["password"],
    run: (input) => signIn(null, { email: input.email, password: input.password, ip }),
    async done({ userId, secondFactor }, input) {
      const to = safeRedirect(input.redirectTo, "/");
      // With two-factor on, the password only opens the second step: a code from the app.
      if (secondFactor) return { redirect: "/login/code", headers: { "Set-Cookie": await startPendingSignIn(userId, to) } };
      return { redirect: to, headers: { "Set-Cookie": await createUserSession(request, userId) } };
    },
  });
}

export default function LoginPage() {
  const { demo, providers, passwordsForEveryone } = useLoaderData<typeof loader>();
  const [searchParams] = useSearchParams();
  const { t } = useTranslation("auth");
  const redirectTo = searchParams.get("redirectTo") ?? "/";
  const [form, fields] = useAppForm({ id: "login", check: checkWith(LoginSchema), defaultValue: { email: searchParams.get("email") ?? "" } });
  const passwordForm = (
    <AppForm form={form} className="rounded-lg bg-white p-6 shadow">
      <input type="hidden" name="redirectTo" value={redirectTo} />
      <InputField meta={fields.email} type="email" label={t("login.email")} autoComplete="username" />
      <InputField meta={fields.password} type="password" label={t("login.password")} autoComplete="current-password" />
      <div className="[&>button]:w-full">
        <SubmitButton form={form}>{t("login.submit")}</SubmitButton>
      </div>
    </AppForm>
  );
  // Answered with a message (a wrong password, say), the form stays open.
  const answered = Boolean(form.status || form.errors?.length);
  return (
    <div className="mx-auto max-w-md">
      <h1 className="mb-2 text-3xl font-bold">{t("login.title")}</h1>
      <p className="mb-6 text-slate-700">{providers.length ? t("login.introProviders") : t("login.intro")}</p>
      {providers.length ? (
        <ul className="mb-6 space-y-3" aria-label={t("login.providers")}>
          {providers.map((p) => (
            <li key={p.id} className="[&_button]:w-full">
              <ButtonForm
                id={`sso-${p.id}`}
                action={`/auth/${p.id}`}
                fields={{ redirectTo }}
                className="btn-primary"
                label={t("login.withProvider", { name: p.name })}
              />
            </li>
          ))}
        </ul>
      ) : null}
      {passwordsForEveryone ? (
        <>
          {providers.length ? <h2 className="mb-3 text-lg font-semibold">{t("login.withPassword")}</h2> : null}
          {passwordForm}
        </>
      ) : (
        <details className="rounded-lg border border-slate-300 bg-white p-4" open={answered || undefined}>
          <summary className="cursor-pointer font-semibold">{t("login.adminsOnly")}</summary>
          <div className="mt-4">{passwordForm}</div>
        </details>
      )}
      {demo ? (
        <section aria-labelledby="demo-title" className="mt-8 rounded-lg border border-slate-300 bg-white p-6">
          <h2 id="demo-title" className="mb-2 text-lg font-semibold">
            {t("login.demoTitle")}
          </h2>
          <p className="mb-2">{t("login.demoBody", { password: demo.password })}</p>
          {demo.sso ? <p className="mb-2">{t("login.demoSso", { email: "janis.liepins@vmd.example.lv" })}</p> : null}
          <ul className="list-disc pl-6">
            {demo.logins.map((l) => (
              <li key={l.email}>
                <code>{l.email}</code> — {t(`common:roles.${l.role}`)}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
