import { Form, Link, NavLink, useLocation, useMatches } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { Role } from "~/generated/prisma/enums";
import { can, type Permission } from "~/utils/permissions";
import { Toast } from "./toast";

type ShellUser = { id: number; name: string; role: Role; email: string; unread: number };

const NAV: { to: string; key: string; permission: Permission; end?: boolean }[] = [
  { to: "/ideas/mine", key: "nav.myIdeas", permission: "idea:create" },
  { to: "/ideas/new", key: "nav.newIdea", permission: "idea:create" },
  { to: "/ideas", key: "nav.ideas", permission: "idea:read", end: true },
  { to: "/board", key: "nav.board", permission: "board:view" },
  { to: "/lessons", key: "nav.lessons", permission: "lessons:view" },
  { to: "/dashboard", key: "nav.dashboard", permission: "dashboard:view" },
  { to: "/admin", key: "nav.admin", permission: "admin:users" },
];

export function AppShell({
  user,
  toast,
  children,
}: {
  user: ShellUser | null;
  toast: { key: string; type: "success" | "error" } | null;
  children: React.ReactNode;
}) {
  const { t } = useTranslation();
  const location = useLocation();
  const here = location.pathname + location.search;
  // A page that needs the whole width (the board) says so in its route handle.
  const wide = useMatches().some((m) => (m.handle as { wide?: boolean } | undefined)?.wide);
  return (
    <>
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:bg-white focus:px-4 focus:py-2 focus:text-blue-900"
      >
        {t("skipToContent")}
      </a>
      <header className="bg-brand text-white no-print">
        <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
          <Link to="/" className="text-xl font-bold text-white no-underline hover:underline">
            {t("appName")}
          </Link>
          {user ? (
            <nav aria-label={t("nav.label")} className="order-last w-full md:order-none md:w-auto">
              <ul className="flex gap-x-1 gap-y-1 overflow-x-auto md:flex-wrap md:overflow-visible">
                {NAV.filter((item) => can(user, item.permission)).map((item) => (
                  <li key={item.to}>
                    <NavLink
                      to={item.to}
                      end={item.end}
                      className={({ isActive }) =>
                        `block whitespace-nowrap rounded px-3 py-2 text-white ${isActive ? "bg-brand-dark underline font-semibold" : "hover:bg-brand-dark"}`
                      }
                    >
                      {t(item.key)}
                    </NavLink>
                  </li>
                ))}
              </ul>
            </nav>
          ) : null}
          <div className="ml-auto flex flex-wrap items-center gap-3">
            <LanguageSwitcher redirectTo={here} />
            {user ? (
              <>
                <Link to="/notifications" className="rounded border border-white px-3 py-2 text-white hover:bg-brand-dark" data-testid="notifications-link">
                  {t("notifications.link")}
                  {user.unread ? <span className="ml-1 rounded-full bg-white px-2 text-sm font-bold text-brand">{user.unread}</span> : null}
                  <span className="sr-only">{user.unread ? ` (${t("notifications.unread", { count: user.unread })})` : ""}</span>
                </Link>
                <Link to="/account" className="text-sm text-white underline" data-testid="current-user">
                  {t("user.signedInAs", { name: user.name })} ({t(`roles.${user.role}`)})<span className="sr-only"> — {t("user.account")}</span>
                </Link>
                <Form method="post" action="/logout">
                  <button type="submit" className="rounded border border-white px-3 py-2 text-white hover:bg-brand-dark">
                    {t("user.signOut")}
                  </button>
                </Form>
              </>
            ) : null}
          </div>
        </div>
      </header>
      {toast ? <Toast toast={toast} /> : null}
      <main id="main" tabIndex={-1} className={`mx-auto px-4 py-8 focus:outline-none ${wide ? "max-w-none" : "max-w-7xl"}`}>
        {children}
      </main>
      <footer className="mx-auto max-w-7xl border-t border-slate-300 px-4 py-6 text-sm text-slate-700 no-print">
        <p>{t("footer.about")}</p>
        <p className="mt-2">
          <Link to="/accessibility" className="link">
            {t("footer.accessibility")}
          </Link>
        </p>
      </footer>
    </>
  );
}

function LanguageSwitcher({ redirectTo }: { redirectTo: string }) {
  const { t, i18n } = useTranslation();
  const next = i18n.language === "en" ? "lv" : "en";
  return (
    <Form method="post" action="/language">
      <input type="hidden" name="lng" value={next} />
      <input type="hidden" name="redirectTo" value={redirectTo} />
      <button
        type="submit"
        lang={next}
        aria-label={t("language.switchToLabel")}
        className="rounded border border-white px-3 py-2 text-white hover:bg-brand-dark"
      >
        {t("language.switchTo")}
      </button>
    </Form>
  );
}
