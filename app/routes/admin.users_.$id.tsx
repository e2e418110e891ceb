import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AppForm, ButtonForm, SubmitButton, useAppForm, useFormReply } from "~/components/app-form";
import { checkWith } from "~/components/form-check";
import { BackLink } from "~/components/ui/back-link";
import { handleForm } from "~/core/form.server";
import { fail } from "~/core/result";
import { getFilterOptions } from "~/modules/idea/idea-queries.server";
import { linkIdentity, listIdentities, unlinkIdentity } from "~/modules/user/identities.server";
import { passwordsForEveryone } from "~/modules/user/site-settings.server";
import { LinkNotice, type LinkMail } from "~/modules/user/link-notice";
import { UserFields } from "~/modules/user/user-fields";
import { UserAdminSchema } from "~/modules/user/users.schema";
import { resetTwoFactor, twoFactorState } from "~/modules/user/two-factor.server";
import { getPerson, mailSetPasswordLink, newPasswordLink, setUserActive, updateUser } from "~/modules/user/users.server";
import { requireUserWith } from "~/utils/auth.server";
import { formatDateTime } from "~/utils/format";
import { requireIdParam } from "~/utils/http.server";
import { getLocale, getT } from "~/utils/i18n.server";
import { pageMeta } from "~/utils/meta";

export const meta = pageMeta;
export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-boundary";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUserWith(request, "admin:users");
  const person = await getPerson(user, requireIdParam(params.id));
  const locale = await getLocale(request);
  const [t, options, twoFactor, identities, forEveryone] = await Promise.all([
    getT(request, "admin"),
    getFilterOptions(locale),
    twoFactorState(person.id),
    listIdentities(user, person.id, locale),
    passwordsForEveryone(),
  ]);
  return {
    title: `${person.name} · ${t("users.title")}`,
    person,
    institutions: options.institutions,
    twoFactor: twoFactor.enabled || twoFactor.pending,
    identities,
    // Passwords off for everyone but administrators: this person's password lets them in only if they are one.
    passwordWorks: person.password && (forEveryone || person.role === "ADMIN"),
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireUserWith(request, "admin:users");
  const id = requireIdParam(params.id);
  return handleForm(request, {
    schema: UserAdminSchema,
    hidden: ["userId", "identityId"],
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
        case "reset-two-factor":
          return resetTwoFactor(user, { userId: id, ip: (context as { clientIp?: string }).clientIp ?? "unknown" });
        case "link-identity":
          return linkIdentity(user, { userId: id, identityId: value.identityId });
        case "unlink-identity":
          return unlinkIdentity(user, { userId: id, identityId: value.identityId });
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

type Identity = {
  id: number;
  providerName: string;
  knownProvider: boolean;
  email: string;
  linkedAt: string | null;
  lastSignInAt: string | null;
  createdAt: string;
};

/** The person's ways in: the password, and each identity at a provider with its Link or Unlink button. */
function SignInMethods({
  person,
  identities,
  passwordWorks,
}: {
  person: { id: number; password: boolean; lastSignInAt: string | null };
  identities: Identity[];
  passwordWorks: boolean;
}) {
  const { t, i18n } = useTranslation("admin");
  const when = (iso: string | null) => (iso ? <time dateTime={iso}>{formatDateTime(i18n.language, iso)}</time> : t("identities.never"));
  const linked = identities.filter((i) => i.linkedAt);
  return (
    <section aria-labelledby="sign-in-title" className="mt-6 rounded-lg bg-white p-6 shadow">
      <h2 id="sign-in-title" className="mb-2 text-xl font-semibold">
        {t("identities.title")}
      </h2>
      <p className="mb-1" data-testid="person-password">
        {person.password ? (
          passwordWorks ? (
            t("identities.password")
          ) : (
            <>
              {t("identities.passwordOff")}{" "}
              <Link to="/admin/sign-in" className="link">
                {t("identities.settingsLink")}
              </Link>
            </>
          )
        ) : (
          t("identities.noPassword")
        )}
      </p>
      <p className="mb-4">
        {t("identities.lastSignIn")} {when(person.lastSignInAt)}
      </p>
      <h3 className="mb-2 text-lg font-semibold">{t("identities.accounts")}</h3>
      {identities.length ? (
        <ul className="space-y-4">
          {identities.map((identity) => {
            const account = identity.knownProvider ? t("signInMethods.provider", { name: identity.providerName }) : identity.providerName;
            // Without this one: no password that works and no other linked identity means no way in.
            const lastWay = !!identity.linkedAt && !passwordWorks && !linked.some((other) => other.id !== identity.id);
            return (
              <li key={identity.id} className="rounded-md border border-slate-300 p-4" data-testid="person-identity">
                <p className="font-semibold">
                  {account}
                  {identity.knownProvider ? null : <span className="font-normal text-slate-700"> — {t("identities.unknownProvider")}</span>}
                </p>
                <dl className="mt-2 grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
                  <dt className="font-semibold">{t("identities.email")}</dt>
                  <dd className="break-all">{identity.email}</dd>
                  <dt className="font-semibold">{t("identities.state")}</dt>
                  <dd>
                    {identity.linkedAt ? (
                      <>
                        {t("identities.linked")} <time dateTime={identity.linkedAt}>{formatDateTime(i18n.language, identity.linkedAt)}</time>
                      </>
                    ) : (
                      t("identities.waiting")
                    )}
                  </dd>
                  <dt className="font-semibold">{t("identities.identityLastSignIn")}</dt>
                  <dd>{when(identity.lastSignInAt)}</dd>
                  <dt className="font-semibold">{t("identities.firstSeen")}</dt>
                  <dd>{when(identity.createdAt)}</dd>
                </dl>
                <div className="mt-3">
                  {identity.linkedAt ? (
                    <>
                      {lastWay ? (
                        <p className="mb-2 flex gap-2 font-semibold" data-testid="last-way-warning">
                          <span aria-hidden="true" className="flex h-6 w-6 shrink-0 items-center justify-center rounded-full bg-slate-900 text-white">
                            !
                          </span>
                          <span>
                            <span className="sr-only">{t("identities.warning")}: </span>
                            {t("identities.lastWay")}
                          </span>
                        </p>
                      ) : null}
                      <ButtonForm
                        id={`unlink-identity-${identity.id}`}
                        fields={{ intent: "unlink-identity", userId: person.id, identityId: identity.id }}
                        label={t("identities.unlink")}
                        ariaLabel={t("identities.unlinkNamed", { account, email: identity.email })}
                      />
                      <p className="mt-2 text-sm text-slate-700">{t("identities.unlinkHelp")}</p>
                    </>
                  ) : (
                    <>
                      <p className="mb-2 text-sm text-slate-700">{t("identities.linkHelp")}</p>
                      <ButtonForm
                        id={`link-identity-${identity.id}`}
                        fields={{ intent: "link-identity", userId: person.id, identityId: identity.id }}
                        label={t("identities.link")}
                        ariaLabel={t("identities.linkNamed", { account, email: identity.email })}
                      />
                      {/* Not this person's account after all: the attempt is removed, and the next sign-in with it is asked for proof again. */}
                      <div className="mt-2">
                        <ButtonForm
                          id={`unlink-identity-${identity.id}`}
                          fields={{ intent: "unlink-identity", userId: person.id, identityId: identity.id }}
                          label={t("identities.remove")}
                          ariaLabel={t("identities.removeNamed", { account, email: identity.email })}
                        />
                      </div>
                    </>
                  )}
                </div>
              </li>
            );
          })}
        </ul>
      ) : (
        <p>{t("identities.none")}</p>
      )}
    </section>
  );
}

export default function UserDetail() {
  const { person, institutions, twoFactor, identities, passwordWorks } = useLoaderData<typeof loader>();
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
      <section aria-labelledby="two-factor-title" className="mt-6 rounded-lg bg-white p-6 shadow">
        <h2 id="two-factor-title" className="mb-2 text-xl font-semibold">
          {t("users.twoFactor")}
        </h2>
        <p className="mb-4" data-testid="person-two-factor">
          {twoFactor ? t("users.twoFactorOn") : t("users.twoFactorOff")}
        </p>
        {twoFactor ? (
          <>
            <ButtonForm id="reset-two-factor" fields={{ intent: "reset-two-factor", userId: person.id }} label={t("users.resetTwoFactor")} />
            <p className="mt-3 text-sm text-slate-700">{t("users.resetTwoFactorHelp")}</p>
          </>
        ) : null}
      </section>
      <SignInMethods person={person} identities={identities} passwordWorks={passwordWorks} />
    </div>
  );
}
