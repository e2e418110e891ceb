import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Field, FormError, splitKey } from "~/components/ui/field";
import { LoginSchema } from "~/modules/user/login.schema";
import { createUserSession, login, requireAnonymous } from "~/utils/auth.server";
import { DEMO_LOGINS, DEMO_PASSWORD } from "~/utils/demo";
import { prisma } from "~/utils/db.server";
import { env } from "~/utils/env.server";
import { readFormData } from "~/utils/form.server";
import { getT } from "~/utils/i18n.server";
import { safeRedirect } from "~/utils/safe-redirect";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAnonymous(request);
  const t = await getT(request, "auth");
  // The demo box is shown only outside production, and only while the demo users exist.
  const showDemo = !env.isProduction && (await prisma.user.count({ where: { email: DEMO_LOGINS[0].email } })) > 0;
  return { title: `${t("login.title")} · ${t("common:appName")}`, demo: showDemo ? { logins: DEMO_LOGINS, password: DEMO_PASSWORD } : null };
}

export async function action({ request, context }: ActionFunctionArgs) {
  await requireAnonymous(request);
  const formData = await readFormData(request);
  const submission = parseWithZod(formData, { schema: LoginSchema });
  if (submission.status !== "success") {
    return data(submission.reply({ hideFields: ["password"] }), { status: 400 });
  }
  const ip = (context as { clientIp?: string }).clientIp ?? "unknown";
  const result = await login(submission.value.email, submission.value.password, ip);
  if (!result.ok) {
    return data(
      submission.reply({
        formErrors: [result.reason === "throttled" ? "auth:login.throttled" : "auth:login.invalid"],
        hideFields: ["password"],
      }),
      { status: result.reason === "throttled" ? 429 : 400 },
    );
  }
  const cookie = await createUserSession(request, result.userId);
  return redirect(safeRedirect(submission.value.redirectTo, "/"), { headers: { "Set-Cookie": cookie } });
}

export default function LoginPage() {
  const { demo } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [searchParams] = useSearchParams();
  const navigation = useNavigation();
  const { t } = useTranslation("auth");
  const [form, fields] = useForm({
    id: "login",
    lastResult,
    defaultValue: { email: searchParams.get("email") ?? "" },
    onValidate: ({ formData }) => parseWithZod(formData, { schema: LoginSchema }),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
  });
  const [emailKey, emailProps] = splitKey(getInputProps(fields.email, { type: "email" }));
  const [passwordKey, passwordProps] = splitKey(getInputProps(fields.password, { type: "password" }));
  return (
    <div className="mx-auto max-w-md">
      <h1 className="mb-2 text-3xl font-bold">{t("login.title")}</h1>
      <p className="mb-6 text-slate-700">{t("login.intro")}</p>
      <Form method="post" {...getFormProps(form)} noValidate className="rounded-lg bg-white p-6 shadow">
        <FormError id={form.errorId} errors={form.errors} />
        <input type="hidden" name="redirectTo" value={searchParams.get("redirectTo") ?? "/"} />
        <Field id={fields.email.id} label={t("login.email")} errors={fields.email.errors}>
          {(a11y) => (
            <input
              key={emailKey}
              {...emailProps}
              {...a11y}
              autoComplete="username"
              className="input"
            />
          )}
        </Field>
        <Field id={fields.password.id} label={t("login.password")} errors={fields.password.errors}>
          {(a11y) => (
            <input
              key={passwordKey}
              {...passwordProps}
              {...a11y}
              autoComplete="current-password"
              className="input"
            />
          )}
        </Field>
        <button type="submit" className="btn-primary w-full" disabled={navigation.state === "submitting"}>
          {t("login.submit")}
        </button>
      </Form>
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
