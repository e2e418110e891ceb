import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AppForm, SubmitButton, useAppForm, useFormReply } from "~/components/app-form";
import { checkWith } from "~/components/form-check";
import { BackLink } from "~/components/ui/back-link";
import { Pagination } from "~/components/ui/pagination";
import { FilterBar, FilterInput, FilterSelect } from "~/components/ui/filter-bar";
import { handleForm } from "~/core/form.server";
import { getFilterOptions } from "~/modules/idea/idea-queries.server";
import { LinkNotice, type LinkMail } from "~/modules/user/link-notice";
import { UserFields } from "~/modules/user/user-fields";
import { CreateUserSchema, UserListSchema } from "~/modules/user/users.schema";
import { createUser, listUsers, mailSetPasswordLink } from "~/modules/user/users.server";
import { requireUserWith } from "~/utils/auth.server";
import { formatDateTime } from "~/utils/format";
import { getLocale, getT } from "~/utils/i18n.server";
import { pageMeta } from "~/utils/meta";
import { ROLES } from "~/utils/permissions";
import { dropUnknown, formValues, parseFilters } from "~/utils/query";
import { searchParamsOf } from "~/utils/http.server";

export const meta = pageMeta;
export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-boundary";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUserWith(request, "admin:users");
  const locale = await getLocale(request);
  const [t, options] = await Promise.all([getT(request, "admin"), getFilterOptions(locale)]);
  const { filters, invalid } = parseFilters(UserListSchema, searchParamsOf(request));
  dropUnknown(filters, invalid, "institution", (id: number) => options.institutions.some((i) => i.id === id));
  const list = await listUsers(user, filters, locale);
  const { page: _page, ...shown } = filters;
  return { title: `${t("users.title")} · ${t("common:appName")}`, institutions: options.institutions, values: formValues(shown), invalid, ...list };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUserWith(request, "admin:users");
  return handleForm(request, {
    schema: CreateUserSchema,
    run: ({ intent: _intent, ...input }) => createUser(user, input),
    // The page shows the new person's link, and whether it was e-mailed.
    done: async ({ userId, link }, { name, email }) => {
      const absolute = new URL(link, request.url).toString();
      return { data: { name, email, link: absolute, mail: await mailSetPasswordLink(userId, absolute) } };
    },
  });
}

/** The label of each filter, to name a bad one. */
const FILTER_LABELS: Record<string, string> = { q: "users.search", role: "users.role", institution: "users.institution", active: "users.state" };

function CreateUser({ institutions }: { institutions: { id: number; name: string; active: boolean }[] }) {
  const { t } = useTranslation("admin");
  const [form, fields] = useAppForm({
    id: "create-user",
    check: checkWith(CreateUserSchema),
    defaultValue: { role: "SUBMITTER", institutionId: String(institutions.find((i) => i.active)?.id ?? "") },
  });
  const made = useFormReply<{ name: string; email: string; link: string; mail: LinkMail }>("create-user")?.data;
  return (
    <section aria-labelledby="create-title" className="mb-8 rounded-lg bg-white p-6 shadow">
      <h2 id="create-title" className="mb-4 text-xl font-semibold">
        {t("users.create")}
      </h2>
      {made ? <LinkNotice heading={t("users.createdWho", { name: made.name, email: made.email })} link={made.link} mail={made.mail} /> : null}
      <AppForm form={form}>
        <input type="hidden" name="intent" value="create" />
        <UserFields fields={fields} institutions={institutions} />
        <SubmitButton form={form}>{t("users.createSubmit")}</SubmitButton>
      </AppForm>
    </section>
  );
}

type Methods = { role: string; password: boolean; providers: { name: string; known: boolean }[] };

/** How a person signs in, as words: their password (noted when passwords are off for them) and their providers' accounts. */
function useSignInMethods(passwordsForEveryone: boolean) {
  const { t } = useTranslation("admin");
  return ({ role, password, providers }: Methods) => {
    const methods = [
      ...(password ? [t(passwordsForEveryone || role === "ADMIN" ? "signInMethods.password" : "signInMethods.passwordOff")] : []),
      ...providers.map((p) => (p.known ? t("signInMethods.provider", { name: p.name }) : p.name)),
    ];
    return methods.length ? methods.join(", ") : t("signInMethods.none");
  };
}

export default function Users() {
  const { users, total, page, pages, institutions, values, invalid, passwordsForEveryone } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation("admin");
  const methods = useSignInMethods(passwordsForEveryone);
  const institutionName = new Map(institutions.map((i) => [i.id, i.name]));
  return (
    <div>
      <BackLink to="/admin">{t("back")}</BackLink>
      <h1 className="mb-6 text-3xl font-bold">{t("users.title")}</h1>
      <CreateUser institutions={institutions} />

      <FilterBar
        label={t("users.filters")}
        clearTo="/admin/users"
        notice={invalid.length ? t("users.filter.invalid", { names: invalid.map((n) => t(FILTER_LABELS[n] ?? n)).join(", ") }) : null}
      >
        <FilterInput id="users-q" name="q" label={t("users.search")} value={values.q} />
        <FilterSelect
          id="users-role"
          name="role"
          label={t("users.role")}
          value={values.role}
          anyLabel={t("users.filter.anyRole")}
          options={ROLES.map((r) => [r, t(`common:roles.${r}`)])}
        />
        <FilterSelect
          id="users-institution"
          name="institution"
          label={t("users.institution")}
          value={values.institution}
          anyLabel={t("users.filter.anyInstitution")}
          options={institutions.map((i) => [String(i.id), i.name])}
        />
        <FilterSelect
          id="users-active"
          name="active"
          label={t("users.state")}
          value={values.active}
          anyLabel={t("users.filter.anyState")}
          options={[
            ["yes", t("users.active")],
            ["no", t("users.inactive")],
          ]}
        />
      </FilterBar>
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
            <span className="w-full text-sm text-slate-700" data-testid="user-sign-in">
              {t("signInMethods.methods", { methods: methods(u) })} ·{" "}
              {u.lastSignInAt ? (
                <>
                  {t("signInMethods.last")} <time dateTime={u.lastSignInAt}>{formatDateTime(i18n.language, u.lastSignInAt)}</time>
                </>
              ) : (
                t("signInMethods.lastNever")
              )}
            </span>
          </li>
        ))}
      </ul>
      <Pagination page={page} pages={pages} />
    </div>
  );
}
