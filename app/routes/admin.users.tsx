import { parseWithZod } from "@conform-to/zod/v4";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { BackLink } from "~/components/ui/back-link";
import { Pagination } from "~/components/ui/pagination";
import { SelectFilter } from "~/components/ui/select-filter";
import { getFilterOptions } from "~/modules/idea/idea-queries.server";
import { UserListSchema, UserAdminSchema } from "~/modules/user/users.schema";
import { FormError } from "~/components/ui/field";
import { LinkNotice } from "~/modules/user/link-notice";
import { createUser, listUsers, mailSetPasswordLink } from "~/modules/user/users.server";
import { UserFields } from "~/modules/user/user-fields";
import { requireUserWith } from "~/utils/auth.server";
import { readFormData } from "~/utils/form.server";
import { getLocale, getT } from "~/utils/i18n.server";
import { ROLES } from "~/utils/permissions";
import { dropUnknown, formValues, parseFilters } from "~/utils/query";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUserWith(request, "admin:users");
  const locale = await getLocale(request);
  const [t, options] = await Promise.all([getT(request, "admin"), getFilterOptions(locale)]);
  const { filters, invalid } = parseFilters(UserListSchema, new URL(request.url).searchParams);
  dropUnknown(filters, invalid, "institution", (id: number) => options.institutions.some((i) => i.id === id));
  const list = await listUsers(user, filters);
  const { page: _page, ...shown } = filters;
  return { title: `${t("users.title")} · ${t("common:appName")}`, institutions: options.institutions, values: formValues(shown), invalid, ...list };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUserWith(request, "admin:users");
  const submission = parseWithZod(await readFormData(request), { schema: UserAdminSchema });
  if (submission.status !== "success" || submission.value.intent !== "create") return data({ reply: submission.reply(), link: null }, { status: 400 });
  const { intent: _intent, ...input } = submission.value;
  const result = await createUser(user, input);
  if (!result.ok) return data({ reply: submission.reply({ fieldErrors: { [result.field ?? ""]: [result.message] } }), link: null }, { status: result.status });
  const link = new URL(result.link!, request.url).toString();
  return { reply: submission.reply({ resetForm: true }), link, mail: await mailSetPasswordLink(result.userId!, link) };
}

/** The label of each filter, to name a bad one. */
const FILTER_LABELS: Record<string, string> = { q: "users.search", role: "users.role", institution: "users.institution", active: "users.state" };

export default function Users() {
  const { users, total, page, pages, institutions, values, invalid } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation("admin");
  const institutionName = new Map(institutions.map((i) => [i.id, i.name]));
  return (
    <div>
      <BackLink to="/admin">{t("back")}</BackLink>
      <h1 className="mb-6 text-3xl font-bold">{t("users.title")}</h1>

      <section aria-labelledby="create-title" className="mb-8 rounded-lg bg-white p-6 shadow">
        <h2 id="create-title" className="mb-4 text-xl font-semibold">
          {t("users.create")}
        </h2>
        {result?.link ? <LinkNotice heading={t("users.created")} link={result.link} mail={"mail" in result ? result.mail : null} /> : null}
        <FormError id="user-create-error" errors={result?.link ? undefined : (result?.reply?.error?.[""] ?? undefined)} />
        <Form method="post" noValidate>
          <input type="hidden" name="intent" value="create" />
          <UserFields reply={result?.link ? null : (result?.reply ?? null)} institutions={institutions} withIdentity />
          <button type="submit" className="btn-primary">
            {t("users.createSubmit")}
          </button>
        </Form>
      </section>

      <Form method="get" aria-label={t("users.filters")} className="mb-4 grid gap-4 rounded-lg bg-white p-4 shadow md:grid-cols-5">
        <div>
          <label htmlFor="users-q" className="mb-1 block font-semibold">
            {t("users.search")}
          </label>
          <input id="users-q" name="q" type="search" defaultValue={values.q} className="input" />
        </div>
        <SelectFilter id="users-role" name="role" label={t("users.role")} value={values.role} anyLabel={t("audit.any")} options={ROLES.map((r) => [r, t(`common:roles.${r}`)])} />
        <SelectFilter id="users-institution" name="institution" label={t("users.institution")} value={values.institution} anyLabel={t("audit.any")} options={institutions.map((i) => [String(i.id), i.name])} />
        <SelectFilter id="users-active" name="active" label={t("users.state")} value={values.active} anyLabel={t("audit.any")} options={[["yes", t("users.active")], ["no", t("users.inactive")]]} />
        <div className="flex items-end">
          <button type="submit" className="btn-primary">
            {t("audit.apply")}
          </button>
        </div>
        {invalid.length ? (
          <p role="alert" className="md:col-span-5 text-amber-900">
            {t("audit.invalid", { names: invalid.map((n) => t(FILTER_LABELS[n] ?? n)).join(", ") })}
          </p>
        ) : null}
      </Form>
      <p role="status" className="mb-2">
        {t("users.count", { count: total })}
      </p>
      <ul className="divide-y divide-slate-200 rounded-lg bg-white shadow">
        {users.map((u) => (
          <li key={u.id} className="flex flex-wrap items-center justify-between gap-2 px-4 py-3">
            <span>
              <Link to={`/admin/users/${u.id}`} className="link font-semibold">
                {u.name}
              </Link>{" "}
              <span className="text-slate-700">{u.email}</span>
            </span>
            <span className="text-sm text-slate-700">
              {t(`common:roles.${u.role}`)} · {institutionName.get(u.institutionId)} · {u.active ? t("users.active") : t("users.inactive")}
            </span>
          </li>
        ))}
      </ul>
      <Pagination page={page} pages={pages} />
    </div>
  );
}
