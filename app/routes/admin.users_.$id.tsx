import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AppForm, ButtonForm, SubmitButton, useAppForm, useFormReply } from "~/components/app-form";
import { checkWith } from "~/components/form-check";
import { BackLink } from "~/components/ui/back-link";
import { handleForm } from "~/core/form.server";
import { fail } from "~/core/result";
import { getFilterOptions } from "~/modules/idea/idea-queries.server";
import { LinkNotice, type LinkMail } from "~/modules/user/link-notice";
import { UserFields } from "~/modules/user/user-fields";
import { UserAdminSchema } from "~/modules/user/users.schema";
import { getPerson, mailSetPasswordLink, newPasswordLink, setUserActive, updateUser } from "~/modules/user/users.server";
import { requireUserWith } from "~/utils/auth.server";
import { requireIdParam } from "~/utils/http.server";
import { getLocale, getT } from "~/utils/i18n.server";
import { pageMeta } from "~/utils/meta";

export const meta = pageMeta;
export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-boundary";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUserWith(request, "admin:users");
  const person = await getPerson(user, requireIdParam(params.id));
  const locale = await getLocale(request);
  const [t, options] = await Promise.all([getT(request, "admin"), getFilterOptions(locale)]);
  return { title: `${person.name} · ${t("users.title")}`, person, institutions: options.institutions };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUserWith(request, "admin:users");
  const id = requireIdParam(params.id);
  return handleForm(request, {
    schema: UserAdminSchema,
    hidden: ["userId"],
    async run(value) {
      if (value.userId !== id) return fail(400, "common:errors.tampered");
      switch (value.intent) {
        case "update":
          return updateUser(user, value);
        case "deactivate":
        case "reactivate":
          return setUserActive(user, { userId: id, active: value.intent === "reactivate" });
        case "reset-link":
          return newPasswordLink(user, { userId: id });
      }
    },
    async done(made, value) {
      // A new link is shown on the page, with whether it was e-mailed.
      if (made) {
        const link = new URL(made.link, request.url).toString();
        return { data: { link, mail: await mailSetPasswordLink(id, link) } };
      }
      return { redirect: `/admin/users/${id}`, toast: `admin:users.toast.${value.intent}` };
    },
  });
}

export default function UserDetail() {
  const { person, institutions } = useLoaderData<typeof loader>();
  const { t } = useTranslation("admin");
  const [form, fields] = useAppForm({
    id: "update-user",
    check: checkWith(UserAdminSchema),
    defaultValue: { role: person.role, institutionId: String(person.institutionId) },
  });
  const made = useFormReply<{ link: string; mail: LinkMail }>("reset-link")?.data;
  return (
    <div className="max-w-3xl">
      <BackLink to="/admin/users">{t("users.back")}</BackLink>
      <h1 className="mb-1 text-3xl font-bold">{person.name}</h1>
      <p className="mb-6 text-slate-700">
        {person.email} · {person.active ? t("users.active") : t("users.inactive")}
      </p>
      {made ? <LinkNotice heading={t("users.newLink")} link={made.link} mail={made.mail} /> : null}
      <section aria-labelledby="role-title" className="mb-6 rounded-lg bg-white p-6 shadow">
        <h2 id="role-title" className="mb-4 text-xl font-semibold">
          {t("users.roleAndInstitution")}
        </h2>
        <AppForm form={form}>
          <input type="hidden" name="intent" value="update" />
          <input type="hidden" name="userId" value={person.id} />
          <UserFields fields={fields} institutions={institutions} currentInstitutionId={person.institutionId} />
          <SubmitButton form={form}>{t("users.save")}</SubmitButton>
        </AppForm>
      </section>
      <section aria-labelledby="access-title" className="rounded-lg bg-white p-6 shadow">
        <h2 id="access-title" className="mb-4 text-xl font-semibold">
          {t("users.access")}
        </h2>
        <div className="flex flex-wrap gap-3">
          <ButtonForm
            id="active"
            fields={{ intent: person.active ? "deactivate" : "reactivate", userId: person.id }}
            label={person.active ? t("users.deactivate") : t("users.reactivate")}
          />
          {person.active ? <ButtonForm id="reset-link" fields={{ intent: "reset-link", userId: person.id }} label={t("users.resetLink")} /> : null}
        </div>
        <p className="mt-3 text-sm text-slate-700">{t("users.deactivateHelp")}</p>
      </section>
    </div>
  );
}
