import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { handleForm } from "~/core/form.server";
import { SignOutSchema } from "~/modules/user/header.schema";
import { endSessionUrl } from "~/modules/user/oidc.server";
import { signOut } from "~/modules/user/sign-out.server";
import { clearSessionCookie, getUser } from "~/utils/auth.server";
import { pageMeta } from "~/utils/meta";
import { appOrigin, oidcProvider } from "~/utils/oidc-config.server";
import { currentSessionId } from "~/utils/session.server";

// Signing out changes state, so it is POST only; a GET just goes home.
export async function loader() {
  return redirect("/");
}

export async function action({ request }: ActionFunctionArgs) {
  const [user, sessionId] = await Promise.all([getUser(request), currentSessionId(request)]);
  return handleForm(request, {
    pageless: true,
    schema: SignOutSchema,
    run: () => signOut(user, { sessionId }),
    async done(ended) {
      const headers = { "Set-Cookie": await clearSessionCookie(request) };
      // Signed in through a provider that offers it: signed out there too, and sent back to the sign-in page.
      const provider = ended ? oidcProvider(ended.provider) : undefined;
      const there = provider && ended ? await endSessionUrl(provider, ended.idToken, `${appOrigin(request)}/login`) : null;
      return { redirect: there?.href ?? "/login", headers };
    },
  });
}

// A refusal (a tampered form) shows the translated error page.
export const meta = pageMeta;
export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-boundary";
export default function NoPage() {
  return null;
}
