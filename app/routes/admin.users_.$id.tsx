import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { BackLink } from "~/components/ui/back-link";
import { FormError } from "~/components/ui/field";
import { getFilterOptions } from "~/modules/idea/idea-queries.server";
import { UserFields } from "~/modules/user/user-fields";
import { UserAdminSchema } from "~/modules/user/users.schema";
import { LinkNotice } from "~/modules/user/link-notice";
import { mailSetPasswordLink, resetLink, setActive, updateUser } from "~/modules/user/users.server";
import { requireUserWith } from "~/utils/auth.server";
import { prisma } from "~/utils/db.server";
import { readFormData } from "~/utils/form.server";
import { httpError, requireIdParam } from "~/utils/http.server";
import { getLocale, getT } from "~/utils/i18n.server";
import { flashToast } from "~/utils/session.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUserWith(request, "admin:users");
  const id = requireIdParam(params.id);
  const person = await prisma.user.findUnique({ where: { id }, select: { id: true, name: true, email: true, role: true, active: true, institutionId: true } });
  if (!person) httpError(404);
  const locale = await getLocale(request);
  const [t, options] = await Promise.all([getT(request, "admin"), getFilterOptions(locale)]);
  return { title: `${person.name} · ${t("users.title")}`, person, institutions: options.institutions };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUserWith(request, "admin:users");
  const id = requireIdParam(params.id);
  const submission = parseWithZod(await readFormData(request), { schema: UserAdminSchema });
  if (submission.status !== "success" || submission.value.intent === "create" || submission.value.userId !== id) {
    return data({ reply: submission.reply({ formErrors: submission.status === "success" ? ["admin:users.errors.tampered"] : undefined }), link: null }, { status: 400 });
  }
  const value = submission.value;
  const result =
    value.intent === "update"
      ? await updateUser(user, value)
      : value.intent === "reset-link"
        ? await resetLink(user, id)
        : await setActive(user, id, value.intent === "reactivate");
  if (!result.ok) {
    const reply = result.field ? submission.reply({ fieldErrors: { [result.field]: [result.message] } }) : submission.reply({ formErrors: [result.message] });
    return data({ reply, link: null }, { status: result.status });
  }
  if (result.link) {
    const link = new URL(result.link, request.url).toString();
    return { reply: submission.reply(), link, mail: await mailSetPasswordLink(id, link) };
  }
  return redirect(`/admin/users/${id}`, { headers: { "Set-Cookie": await flashToast(request, `admin:users.toast.${value.intent}`) } });
}

export default function UserDetail() {
  const { person, institutions } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation("admin");
  return (
    <div className="max-w-3xl">
      <BackLink to="/admin/users">{t("users.back")}</BackLink>
      <h1 className="mb-1 text-3xl font-bold">{person.name}</h1>
      <p className="mb-6 text-slate-700">
        {person.email} · {person.active ? t("users.active") : t("users.inactive")}
      </p>
      <FormError id="user-detail-error" errors={result?.reply?.error?.[""] ?? undefined} />
      {result?.link ? <LinkNotice heading={t("users.newLink")} link={result.link} mail={"mail" in result ? result.mail : null} /> : null}
      <section aria-labelledby="role-title" className="mb-6 rounded-lg bg-white p-6 shadow">
        <h2 id="role-title" className="mb-4 text-xl font-semibold">
          {t("users.roleAndInstitution")}
        </h2>
        <Form method="post" noValidate>
          <input type="hidden" name="intent" value="update" />
          <input type="hidden" name="userId" value={person.id} />
          <UserFields reply={result?.reply ?? null} institutions={institutions} defaults={{ role: person.role, institutionId: person.institutionId }} />
          <button type="submit" className="btn-primary">
            {t("users.save")}
          </button>
        </Form>
      </section>
      <section aria-labelledby="access-title" className="rounded-lg bg-white p-6 shadow">
        <h2 id="access-title" className="mb-4 text-xl font-semibold">
          {t("users.access")}
        </h2>
        <div className="flex flex-wrap gap-3">
          <Form method="post">
            <input type="hidden" name="intent" value={person.active ? "deactivate" : "reactivate"} />
            <input type="hidden" name="userId" value={person.id} />
            <button type="submit" className="btn-secondary">
              {person.active ? t("users.deactivate") : t("users.reactivate")}
            </button>
          </Form>
          {person.active ? (
            <Form method="post">
              <input type="hidden" name="intent" value="reset-link" />
              <input type="hidden" name="userId" value={person.id} />
              <button type="submit" className="btn-secondary">
                {t("users.resetLink")}
              </button>
            </Form>
          ) : null}
        </div>
        <p className="mt-3 text-sm text-slate-700">{t("users.deactivateHelp")}</p>
      </section>
    </div>
  );
}
