import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Links, Outlet, Scripts, ScrollRestoration, useRouteError, useRouteLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AppShell } from "~/components/app-shell";
import { ErrorPage } from "~/components/error-page";
import { PageMeta } from "~/components/page-meta";
import stylesheet from "~/tailwind.css";
import { getUser } from "~/utils/auth.server";
import { unreadCount } from "~/modules/notification/notification.server";
import { getLocale, translationsChunk } from "~/utils/i18n.server";
import { pageMeta } from "~/utils/meta";
import { useLocale } from "~/utils/use-locale";
import { useNonce } from "~/utils/nonce";
import { getSession, sessionStorage } from "~/utils/session.server";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesheet },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export const meta = pageMeta;

export async function loader({ request }: LoaderFunctionArgs) {
  const [user, locale, session] = await Promise.all([getUser(request), getLocale(request), getSession(request)]);
  const toast = session.get("toast") ?? null;
  const unread = user ? await unreadCount(user.id) : 0;
  const headers = toast ? { "Set-Cookie": await sessionStorage.commitSession(session) } : undefined;
  return data(
    {
      locale,
      // The page's translations, which the browser loads before it hydrates (entry.client.tsx).
      translations: translationsChunk(locale) ?? null,
      toast,
      user: user ? { id: user.id, name: user.name, role: user.role, email: user.email, unread } : null,
    },
    { headers },
  );
}

export function useRootData() {
  return useRouteLoaderData<typeof loader>("root");
}

export function Layout({ children }: { children: React.ReactNode }) {
  const rootData = useRootData();
  const { i18n } = useTranslation();
  const nonce = useNonce();
  const locale = rootData?.locale ?? i18n.language ?? "lv";
  return (
    <html lang={locale} dir="ltr">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <PageMeta />
        {rootData?.translations ? <link rel="modulepreload" href={rootData.translations} /> : null}
        <Links />
      </head>
      <body className="min-h-screen">
        {children}
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  const rootData = useRootData();
  useLocale(rootData?.locale ?? "lv");
  return (
    <AppShell user={rootData?.user ?? null} toast={rootData?.toast ?? null}>
      <Outlet />
    </AppShell>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  const rootData = useRootData();
  return (
    <AppShell user={rootData?.user ?? null} toast={null}>
      <ErrorPage error={error} />
    </AppShell>
  );
}
