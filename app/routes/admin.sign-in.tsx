import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AppForm, ChoiceField, SubmitButton, useAppForm } from "~/components/app-form";
import { checkWith } from "~/components/form-check";
import { BackLink } from "~/components/ui/back-link";
import { handleForm } from "~/core/form.server";
import { SiteSettingsSchema } from "~/modules/user/site-settings.schema";
import { signInOverview, updateSiteSettings } from "~/modules/user/site-settings.server";
import { requireUserWith } from "~/utils/auth.server";
import { getT } from "~/utils/i18n.server";
import { pageMeta } from "~/utils/meta";
import { appOrigin } from "~/utils/oidc-config.server";

export const meta = pageMeta;
export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-boundary";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUserWith(request, "admin:sign-in");
  const [t, overview] = await Promise.all([getT(request, "admin"), signInOverview(user, appOrigin(request))]);
  return { title: `${t("signIn.title")} · ${t("common:appName")}`, ...overview };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUserWith(request, "admin:sign-in");
  return handleForm(request, {
    schema: SiteSettingsSchema,
    run: (value) => updateSiteSettings(user, { localPasswords: value.passwords === "everyone" }),
    done: () => ({ redirect: "/admin/sign-in", toast: "admin:signIn.toast.saved" }),
  });
}

type Provider = {
  id: string;
  name: { lv: string; en: string };
  issuer: string;
  clientId: string;
  redirectUri: string;
  postLogoutUri: string;
  institutionCode: string | null;
  institution: { code: string; nameLv: string; nameEn: string; active: boolean } | null;
};

function PasswordSetting({ localPasswords, providers }: { localPasswords: boolean; providers: number }) {
  const { t } = useTranslation("admin");
  const [form, fields] = useAppForm({
    id: "passwords",
    check: checkWith(SiteSettingsSchema),
    defaultValue: { passwords: localPasswords ? "everyone" : "admins" },
  });
  return (
    <AppForm form={form}>
      <ChoiceField
        meta={fields.passwords}
        type="radio"
        legend={t("signIn.passwords")}
        help={t("signIn.passwordsHelp")}
        options={[
          { value: "everyone", label: t("signIn.everyone") },
          { value: "admins", label: t("signIn.admins"), help: t(providers ? "signIn.adminsHelp" : "signIn.adminsNoProvider") },
        ]}
      />
      <SubmitButton form={form}>{t("signIn.save")}</SubmitButton>
    </AppForm>
  );
}

function ProviderEntry({ provider }: { provider: Provider }) {
  const { t, i18n } = useTranslation("admin");
  const { institution } = provider;
  return (
    <li className="rounded-md border border-slate-300 p-4">
      <h3 className="mb-2 text-lg font-semibold">{t("signIn.providerHeading", { name: i18n.language === "en" ? provider.name.en : provider.name.lv })}</h3>
      <dl className="grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
        <dt className="font-semibold">{t("signIn.id")}</dt>
        <dd>
          <code>{provider.id}</code>
        </dd>
        <dt className="font-semibold">{t("signIn.names")}</dt>
        <dd>
          <span lang="lv">{provider.name.lv}</span> / <span lang="en">{provider.name.en}</span>
        </dd>
        <dt className="font-semibold">{t("signIn.issuer")}</dt>
        <dd className="break-all">
          <code>{provider.issuer}</code>
        </dd>
        <dt className="font-semibold">{t("signIn.clientId")}</dt>
        <dd className="break-all">
          <code>{provider.clientId}</code>
        </dd>
        <dt className="font-semibold">{t("signIn.redirectUri")}</dt>
        <dd className="break-all">
          <code>{provider.redirectUri}</code>
        </dd>
        <dt className="font-semibold">{t("signIn.postLogoutUri")}</dt>
        <dd className="break-all">
          <code>{provider.postLogoutUri}</code>
        </dd>
        <dt className="font-semibold">{t("signIn.institution")}</dt>
        <dd>
          {!provider.institutionCode ? (
            t("signIn.institutionNone")
          ) : institution ? (
            <>
              {i18n.language === "en" ? institution.nameEn : institution.nameLv} ({institution.code})
              {institution.active ? null : <strong className="block text-amber-900">{t("signIn.institutionInactive")}</strong>}
            </>
          ) : (
            <strong className="text-amber-900">{t("signIn.institutionUnknown", { code: provider.institutionCode })}</strong>
          )}
        </dd>
      </dl>
    </li>
  );
}

export default function SignInSettings() {
  const { settings, providers } = useLoaderData<typeof loader>();
  const { t } = useTranslation("admin");
  return (
    <div className="max-w-3xl">
      <BackLink to="/admin">{t("back")}</BackLink>
      <h1 className="mb-6 text-3xl font-bold">{t("signIn.title")}</h1>
      <section aria-labelledby="passwords-title" className="mb-6 rounded-lg bg-white p-6 shadow">
        <h2 id="passwords-title" className="mb-4 text-xl font-semibold">
          {t("signIn.passwordsTitle")}
        </h2>
        <PasswordSetting localPasswords={settings.localPasswords} providers={providers.length} />
      </section>
      <section aria-labelledby="providers-title" className="rounded-lg bg-white p-6 shadow">
        <h2 id="providers-title" className="mb-2 text-xl font-semibold">
          {t("signIn.providers")}
        </h2>
        {providers.length ? (
          <>
            <p className="mb-4 text-slate-700">{t("signIn.providersIntro")}</p>
            <ul className="space-y-4">
              {providers.map((p) => (
                <ProviderEntry key={p.id} provider={p} />
              ))}
            </ul>
          </>
        ) : (
          <p data-testid="no-providers">{t("signIn.noProviders")}</p>
        )}
      </section>
    </div>
  );
}
