import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AppForm, InputField, SubmitButton, useAppForm } from "~/components/app-form";
import { checkWith } from "~/components/form-check";
import { handleForm } from "~/core/form.server";
import { LoginSchema } from "~/modules/user/login.schema";
import { hasDemoUsers, signIn } from "~/modules/user/sign-in.server";
import { createUserSession, requireAnonymous } from "~/utils/auth.server";
import { DEMO_LOGINS, DEMO_PASSWORD } from "~/utils/demo";
import { env } from "~/utils/env.server";
import { getT } from "~/utils/i18n.server";
import { pageMeta } from "~/utils/meta";
import { safeRedirect } from "~/utils/safe-redirect";

export const meta = pageMeta;
export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-boundary";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAnonymous(request);
  const t = await getT(request, "auth");
  // The demo box is shown only outside production, and only while the demo users exist.
  const showDemo = !env.isProduction && (await hasDemoUsers(DEMO_LOGINS[0].email));
  return { title: `${t("login.title")} · ${t("common:appName")}`, demo: showDemo ? { logins: DEMO_LOGINS, password: DEMO_PASSWORD } : null };
}

export async function action({ request, context }: ActionFunctionArgs) {
  await requireAnonymous(request);
  const ip = (context as { clientIp?: string }).clientIp ?? "unknown";
  return handleForm(request, {
    schema: LoginSchema,
    hide: ["password"],
    run: (input) => signIn(null, { email: input.email, password: input.password, ip }),
    done: async ({ userId }, input) => ({ redirect: safeRedirect(input.redirectTo, "/"), headers: { "Set-Cookie": await createUserSession(request, userId) } }),
  });
}

export default function LoginPage() {
  const { demo } = useLoaderData<typeof loader>();
  const [searchParams] = useSearchParams();
  const { t } = useTranslation("auth");
  const [form, fields] = useAppForm({ id: "login", check: checkWith(LoginSchema), defaultValue: { email: searchParams.get("email") ?? "" } });
  return (
    <div className="mx-auto max-w-md">
      <h1 className="mb-2 text-3xl font-bold">{t("login.title")}</h1>
      <p className="mb-6 text-slate-700">{t("login.intro")}</p>
      <AppForm form={form} className="rounded-lg bg-white p-6 shadow">
        <input type="hidden" name="redirectTo" value={searchParams.get("redirectTo") ?? "/"} />
        <InputField meta={fields.email} type="email" label={t("login.email")} autoComplete="username" />
        <InputField meta={fields.password} type="password" label={t("login.password")} autoComplete="current-password" />
        <div className="[&>button]:w-full">
          <SubmitButton form={form}>{t("login.submit")}</SubmitButton>
        </div>
      </AppForm>
      {demo ? (
        <section aria-labelledby="demo-title" className="mt-8 rounded-lg border border-slate-300 bg-white p-6">
          <h2 id="demo-title" className="mb-2 text-lg font-semibold">
            {t("login.demoTitle")}
          </h2>
          <p className="mb-2">{t("login.demoBody", { password: demo.password })}</p>
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
