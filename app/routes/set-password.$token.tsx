import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AppForm, InputField, SubmitButton, useAppForm } from "~/components/app-form";
import { checkWith } from "~/components/form-check";
import { handleForm } from "~/core/form.server";
import { PASSWORD_MIN } from "~/modules/user/account.schema";
import { SetPasswordSchema } from "~/modules/user/users.schema";
import { checkToken, setPasswordWithToken } from "~/modules/user/users.server";
import { getT } from "~/utils/i18n.server";
import { pageMeta } from "~/utils/meta";

export const meta = pageMeta;
export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-boundary";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const t = await getT(request, "admin");
  const check = await checkToken(params.token ?? "");
  return {
    title: `${t("setPassword.title")} · ${t("common:appName")}`,
    check: check.ok ? { ok: true as const, email: check.value.email, name: check.value.name } : { ok: false as const, message: check.formErrors[0] },
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const ip = (context as { clientIp?: string }).clientIp ?? "unknown";
  return handleForm(request, {
    schema: SetPasswordSchema,
    hide: ["password", "confirmPassword"],
    run: ({ password }) => setPasswordWithToken(null, { token: params.token ?? "", password, ip }),
    done: ({ email }) => ({ redirect: `/login?email=${encodeURIComponent(email)}`, toast: "admin:setPassword.done" }),
  });
}

export default function SetPassword() {
  const { check } = useLoaderData<typeof loader>();
  const { t } = useTranslation("admin");
  const [form, fields] = useAppForm({ id: "set-password", check: checkWith(SetPasswordSchema) });
  if (!check.ok) {
    return (
      <div className="mx-auto max-w-md">
        <h1 className="mb-4 text-3xl font-bold">{t("setPassword.title")}</h1>
        <p role="alert" className="mb-4">
          {t(check.message)}
        </p>
        <Link to="/login" className="link">
          {t("setPassword.toLogin")}
        </Link>
      </div>
    );
  }
  return (
    <div className="mx-auto max-w-md">
      <h1 className="mb-2 text-3xl font-bold">{t("setPassword.title")}</h1>
      <p className="mb-6 text-slate-700">{t("setPassword.intro", { name: check.name, email: check.email })}</p>
      <AppForm form={form} className="rounded-lg bg-white p-6 shadow">
        <InputField
          meta={fields.password}
          type="password"
          label={t("setPassword.password")}
          help={t("setPassword.help", { min: PASSWORD_MIN, count: PASSWORD_MIN })}
          autoComplete="new-password"
        />
        <InputField meta={fields.confirmPassword} type="password" label={t("setPassword.confirmPassword")} autoComplete="new-password" />
        <div className="[&>button]:w-full">
          <SubmitButton form={form}>{t("setPassword.submit")}</SubmitButton>
        </div>
      </AppForm>
    </div>
  );
}
