import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AppForm, ButtonForm, InputField, SubmitButton, useAppForm } from "~/components/app-form";
import { checkWith } from "~/components/form-check";
import { BackLink } from "~/components/ui/back-link";
import { handleForm } from "~/core/form.server";
import { InstitutionSchema, MAX_DOMAINS } from "~/modules/user/institution.schema";
import { changeInstitution, createInstitution, listInstitutions, setInstitutionDomains } from "~/modules/user/institutions.server";
import { requireUserWith } from "~/utils/auth.server";
import { getT } from "~/utils/i18n.server";
import { pageMeta } from "~/utils/meta";

export const meta = pageMeta;
export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-boundary";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUserWith(request, "admin:institutions");
  const [t, institutions] = await Promise.all([getT(request, "admin"), listInstitutions(user)]);
  return { title: `${t("institutions.title")} · ${t("common:appName")}`, institutions };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUserWith(request, "admin:institutions");
  return handleForm(request, {
    schema: InstitutionSchema,
    hidden: ["institutionId"],
    run(value) {
      switch (value.intent) {
        case "create":
          return createInstitution(user, { code: value.code, nameLv: value.nameLv, nameEn: value.nameEn });
        case "rename":
          return changeInstitution(user, { institutionId: value.institutionId, change: { nameLv: value.nameLv, nameEn: value.nameEn } });
        case "deactivate":
        case "reactivate":
          return changeInstitution(user, { institutionId: value.institutionId, change: { active: value.intent === "reactivate" } });
        case "domains":
          return setInstitutionDomains(user, { institutionId: value.institutionId, domains: value.domains });
      }
    },
    done: (_, value) => ({ redirect: "/admin/institutions", toast: `admin:institutions.toast.${value.intent}` }),
  });
}

type Institution = { id: number; code: string; nameLv: string; nameEn: string; active: boolean; users: number; ideas: number; domains: string[] };

function AddInstitution() {
  const { t } = useTranslation("admin");
  const [form, fields] = useAppForm({ id: "add-institution", check: checkWith(InstitutionSchema) });
  return (
    <AppForm form={form} className="grid gap-4 md:grid-cols-3">
      <input type="hidden" name="intent" value="create" />
      <InputField meta={fields.code} label={t("institutions.code")} compact />
      <InputField meta={fields.nameLv} label={t("institutions.nameLv")} compact />
      <InputField meta={fields.nameEn} label={t("institutions.nameEn")} compact />
      <div className="md:col-span-3">
        <SubmitButton form={form}>{t("institutions.addSubmit")}</SubmitButton>
      </div>
    </AppForm>
  );
}

function RenameInstitution({ institution }: { institution: Institution }) {
  const { t } = useTranslation("admin");
  const [form, fields] = useAppForm({
    id: `rename-${institution.id}`,
    check: checkWith(InstitutionSchema),
    defaultValue: { nameLv: institution.nameLv, nameEn: institution.nameEn },
  });
  return (
    <AppForm form={form} className="grid gap-3 md:grid-cols-3">
      <input type="hidden" name="intent" value="rename" />
      <input type="hidden" name="institutionId" value={institution.id} />
      <InputField meta={fields.nameLv} label={t("institutions.nameLv")} compact />
      <InputField meta={fields.nameEn} label={t("institutions.nameEn")} compact />
      <div className="flex items-end">
        <SubmitButton form={form} secondary>
          {t("institutions.rename")}
        </SubmitButton>
      </div>
    </AppForm>
  );
}

function InstitutionDomains({ institution }: { institution: Institution }) {
  const { t } = useTranslation("admin");
  const [form, fields] = useAppForm({
    id: `domains-${institution.id}`,
    check: checkWith(InstitutionSchema),
    defaultValue: { domains: institution.domains.join(", ") },
  });
  return (
    <AppForm form={form} className="mt-3 grid gap-3 md:grid-cols-3">
      <input type="hidden" name="intent" value="domains" />
      <input type="hidden" name="institutionId" value={institution.id} />
      <div className="md:col-span-2">
        <InputField
          meta={fields.domains}
          label={t("institutions.domains")}
          help={[t("institutions.domainsHelp", { max: MAX_DOMAINS }), institution.active ? "" : t("institutions.domainsInactive")].join(" ").trim()}
          autoComplete="off"
        />
      </div>
      <div className="flex items-end">
        <SubmitButton form={form} secondary>
          {t("institutions.saveDomains")}
        </SubmitButton>
      </div>
    </AppForm>
  );
}

export default function Institutions() {
  const { institutions } = useLoaderData<typeof loader>();
  const { t } = useTranslation("admin");
  return (
    <div className="max-w-4xl">
      <BackLink to="/admin">{t("back")}</BackLink>
      <h1 className="mb-6 text-3xl font-bold">{t("institutions.title")}</h1>
      <section aria-labelledby="new-institution" className="mb-8 rounded-lg bg-white p-6 shadow">
        <h2 id="new-institution" className="mb-4 text-xl font-semibold">
          {t("institutions.add")}
        </h2>
        <AddInstitution />
      </section>
      <p className="mb-4 text-slate-700">{t("institutions.domainsIntro")}</p>
      <ul className="space-y-4">
        {institutions.map((i) => (
          <li key={i.id} className="rounded-lg bg-white p-4 shadow">
            <h2 className="font-semibold">
              {i.nameLv} <span className="text-slate-700">({i.code})</span> {i.active ? null : <span className="text-sm">— {t("institutions.inactive")}</span>}
            </h2>
            <p className="text-sm text-slate-700">{t("institutions.usage", { users: i.users, ideas: i.ideas })}</p>
            <p className="mb-3 text-sm text-slate-700" data-testid="institution-domains">
              {i.domains.length ? t("institutions.domainsList", { domains: i.domains.join(", ") }) : t("institutions.noDomains")}
            </p>
            <RenameInstitution institution={i} />
            {/* A new key after each saved change: the field then shows the domains as saved (lower case, each once). */}
            <InstitutionDomains key={i.domains.join(" ")} institution={i} />
            <div className="mt-3">
              <ButtonForm
                id={`active-${i.id}`}
                fields={{ intent: i.active ? "deactivate" : "reactivate", institutionId: i.id }}
                label={i.active ? t("institutions.deactivate", { name: i.nameLv }) : t("institutions.reactivate", { name: i.nameLv })}
                className="link text-sm"
              />
            </div>
          </li>
        ))}
      </ul>
    </div>
  );
}
