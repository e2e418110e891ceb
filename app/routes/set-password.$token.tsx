import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Field, FormError } from "~/components/ui/field";
import { SetPasswordSchema } from "~/modules/user/users.schema";
import { checkToken, usePasswordToken } from "~/modules/user/users.server";
import { PASSWORD_MIN } from "~/modules/user/account.schema";
import { readFormData } from "~/utils/form.server";
import { getT } from "~/utils/i18n.server";
import { flashToast } from "~/utils/session.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const t = await getT(request, "admin");
  const check = await checkToken(params.token ?? "");
  return { title: `${t("setPassword.title")} · ${t("common:appName")}`, check: check.ok ? { ok: true as const, email: check.email, name: check.name } : { ok: false as const, reason: check.reason } };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const submission = parseWithZod(await readFormData(request), { schema: SetPasswordSchema });
  if (submission.status !== "success") return data(submission.reply({ hideFields: ["password", "confirmPassword"] }), { status: 400 });
  const result = await usePasswordToken(params.token ?? "", submission.value.password);
  if (!result.ok) return data(submission.reply({ formErrors: [`admin:setPassword.${result.reason}`] }), { status: result.reason === "used" ? 409 : 400 });
  return redirect(`/login?email=${encodeURIComponent(result.email)}`, { headers: { "Set-Cookie": await flashToast(request, "admin:setPassword.done") } });
}

export default function SetPassword() {
  const { check } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const { t } = useTranslation("admin");
  if (!check.ok) {
    return (
      <div className="mx-auto max-w-md">
        <h1 className="mb-4 text-3xl font-bold">{t("setPassword.title")}</h1>
        <p role="alert" className="mb-4">
          {t(`setPassword.${check.reason}`)}
        </p>
        <Link to="/login" className="link">
          {t("setPassword.toLogin")}
        </Link>
      </div>
    );
  }
  const error = (f: string) => reply?.error?.[f] ?? undefined;
  return (
    <div className="mx-auto max-w-md">
      <h1 className="mb-2 text-3xl font-bold">{t("setPassword.title")}</h1>
      <p className="mb-6 text-slate-700">{t("setPassword.intro", { name: check.name, email: check.email })}</p>
      <Form method="post" noValidate className="rounded-lg bg-white p-6 shadow">
        <FormError id="set-password-error" errors={error("") ?? undefined} />
        {(["password", "confirmPassword"] as const).map((field) => (
          <Field key={field} id={`sp-${field}`} label={t(`setPassword.${field}`)} help={field === "password" ? t("setPassword.help", { min: PASSWORD_MIN }) : undefined} errors={error(field) ?? undefined}>
            {(a11y) => <input {...a11y} name={field} type="password" autoComplete="new-password" className="input" />}
          </Field>
        ))}
        <button type="submit" className="btn-primary w-full">
          {t("setPassword.submit")}
        </button>
      </Form>
    </div>
  );
}
