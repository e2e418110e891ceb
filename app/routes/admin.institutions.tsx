import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { BackLink } from "~/components/ui/back-link";
import { Field, FormError } from "~/components/ui/field";
import { InstitutionSchema, changeInstitution, listInstitutions } from "~/modules/user/institutions.server";
import { requireUserWith } from "~/utils/auth.server";
import { readFormData } from "~/utils/form.server";
import { getT } from "~/utils/i18n.server";
import { flashToast } from "~/utils/session.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUserWith(request, "admin:institutions");
  const [t, institutions] = await Promise.all([getT(request, "admin"), listInstitutions(user)]);
  return { title: `${t("institutions.title")} · ${t("common:appName")}`, institutions };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUserWith(request, "admin:institutions");
  const formData = await readFormData(request);
  const submission = parseWithZod(formData, { schema: InstitutionSchema });
  const target = String(formData.get("institutionId") ?? "new");
  if (submission.status !== "success") return data({ target, reply: submission.reply() }, { status: 400 });
  const result = await changeInstitution(user, submission.value);
  if (!result.ok) return data({ target, reply: submission.reply({ fieldErrors: { [result.field]: [result.message] } }) }, { status: 400 });
  return redirect("/admin/institutions", { headers: { "Set-Cookie": await flashToast(request, `admin:institutions.toast.${submission.value.intent}`) } });
}


function NameFields({ prefix, defaults, errors }: { prefix: string; defaults?: { nameLv?: string; nameEn?: string }; errors?: Record<string, string[] | null> }) {
  const { t } = useTranslation("admin");
  return (
    <>
      {(["nameLv", "nameEn"] as const).map((field) => (
        <Field key={field} id={`${prefix}-${field}`} label={t(`institutions.${field}`)} errors={errors?.[field] ?? undefined} compact>
          {(a11y) => <input {...a11y} name={field} defaultValue={defaults?.[field]} className="input" />}
        </Field>
      ))}
    </>
  );
}

export default function Institutions() {
  const { institutions } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation("admin");
  const errorsFor = (target: string) => (result?.target === target ? (result.reply.error ?? undefined) : undefined);
  const valuesFor = (target: string) => (result?.target === target ? (result.reply.initialValue as Record<string, string> | undefined) : undefined);
  return (
    <div className="max-w-4xl">
      <BackLink to="/admin">{t("back")}</BackLink>
      <h1 className="mb-6 text-3xl font-bold">{t("institutions.title")}</h1>
      <section aria-labelledby="new-institution" className="mb-8 rounded-lg bg-white p-6 shadow">
        <h2 id="new-institution" className="mb-4 text-xl font-semibold">
          {t("institutions.add")}
        </h2>
        <Form method="post" noValidate className="grid gap-4 md:grid-cols-3">
          <input type="hidden" name="intent" value="create" />
          <Field id="new-code" label={t("institutions.code")} errors={errorsFor("new")?.code ?? undefined} compact>
            {(a11y) => <input {...a11y} name="code" defaultValue={valuesFor("new")?.code} className="input" />}
          </Field>
          <NameFields prefix="new" defaults={valuesFor("new")} errors={errorsFor("new")} />
          <div className="md:col-span-3">
            <button type="submit" className="btn-primary">
              {t("institutions.addSubmit")}
            </button>
          </div>
        </Form>
      </section>
      <ul className="space-y-4">
        {institutions.map((i) => (
          <li key={i.id} className="rounded-lg bg-white p-4 shadow">
            <h2 className="font-semibold">
              {i.nameLv} <span className="text-slate-700">({i.code})</span> {i.active ? null : <span className="text-sm">— {t("institutions.inactive")}</span>}
            </h2>
            <p className="mb-3 text-sm text-slate-700">{t("institutions.usage", { users: i.users, ideas: i.ideas })}</p>
            <FormError id={`inst-${i.id}-error`} errors={errorsFor(String(i.id))?.[""] ?? undefined} />
            <Form method="post" noValidate className="grid gap-3 md:grid-cols-3">
              <input type="hidden" name="intent" value="rename" />
              <input type="hidden" name="institutionId" value={i.id} />
              <NameFields prefix={`inst-${i.id}`} defaults={valuesFor(String(i.id)) ?? i} errors={errorsFor(String(i.id))} />
              <div className="flex items-end">
                <button type="submit" className="btn-secondary">
                  {t("institutions.rename")}
                </button>
              </div>
            </Form>
            <Form method="post" className="mt-3">
              <input type="hidden" name="intent" value={i.active ? "deactivate" : "reactivate"} />
              <input type="hidden" name="institutionId" value={i.id} />
              <button type="submit" className="link text-sm">
                {i.active ? t("institutions.deactivate", { name: i.nameLv }) : t("institutions.reactivate", { name: i.nameLv })}
              </button>
            </Form>
          </li>
        ))}
      </ul>
    </div>
  );
}
