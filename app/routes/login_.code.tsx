import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useTranslation } from "react-i18next";
import { AppForm, InputField, SubmitButton, useAppForm } from "~/components/app-form";
import { checkWith } from "~/components/form-check";
import { handleForm } from "~/core/form.server";
import { endPendingSignIn, pendingSignIn } from "~/modules/user/pending-sign-in.server";
import { CodeSchema } from "~/modules/user/two-factor.schema";
import { confirmIdentity } from "~/modules/user/single-sign-on.server";
import { verifySecondFactor } from "~/modules/user/two-factor.server";
import { createUserSession, requireAnonymous } from "~/utils/auth.server";
import { getT } from "~/utils/i18n.server";
import { pageMeta } from "~/utils/meta";
import { redirectWithToast } from "~/utils/session.server";

export const meta = pageMeta;
export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-boundary";

/** The second step of signing in; without a right password a moment ago, back to the first. */
async function requirePending(request: Request) {
  await requireAnonymous(request);
  const pending = await pendingSignIn(request);
  if (!pending) throw await redirectWithToast(request, "/login", { key: "auth:code.expired", type: "error" });
  return pending;
}

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePending(request);
  const t = await getT(request, "auth");
  return { title: `${t("code.title")} · ${t("common:appName")}` };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const pending = await requirePending(request);
  const ip = (context as { clientIp?: string }).clientIp ?? "unknown";
  return handleForm(request, {
    schema: CodeSchema,
    hide: ["code"],
    async run(input) {
      const checked = await verifySecondFactor(null, { userId: pending.userId, code: input.code, ip, provider: pending.provider?.provider || undefined });
      if (!checked.ok || !pending.provider) return checked;
      // Through a provider: its identity is linked now (when the password opened this step), or must still be.
      const { identityId, link } = pending.provider;
      const confirmed = await confirmIdentity(null, { identityId, userId: checked.value.userId, link: !!link, how: "password and code", ip });
      return confirmed.ok ? checked : confirmed;
    },
    async done({ userId, recovery }) {
      const headers = new Headers();
      headers.append(
        "Set-Cookie",
        await createUserSession(request, userId, pending.provider && { identityId: pending.provider.identityId, idToken: pending.provider.idToken }),
      );
      headers.append("Set-Cookie", await endPendingSignIn());
      // Signed in with a recovery code: the account page says how many are left.
      return { redirect: recovery ? "/account/two-factor" : pending.redirectTo, headers };
    },
  });
}

export default function SignInCode() {
  const { t } = useTranslation("auth");
  const [form, fields] = useAppForm({ id: "code", check: checkWith(CodeSchema) });
  return (
    <div className="mx-auto max-w-md">
      <h1 className="mb-2 text-3xl font-bold">{t("code.title")}</h1>
      <p className="mb-6 text-slate-700">{t("code.intro")}</p>
      <AppForm form={form} className="rounded-lg bg-white p-6 shadow">
        <InputField meta={fields.code} label={t("code.label")} help={t("code.help")} autoComplete="one-time-code" />
        <div className="[&>button]:w-full">
          <SubmitButton form={form}>{t("code.submit")}</SubmitButton>
        </div>
      </AppForm>
      <p className="mt-6">
        <a href="/login" className="link">
          {t("code.startAgain")}
        </a>
      </p>
    </div>
  );
}
