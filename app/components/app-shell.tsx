import { Form, Link, NavLink, useLocation, useMatches } from "@remix-run/react";
import { useEffect, useRef } from "react";
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
        <div className="relative mx-auto flex max-w-7xl flex-wrap items-center gap-x-6 px-4 py-3 md:gap-y-2">
          <Link
            to="/"
            className={`flex min-h-[44px] items-center text-lg font-bold text-white no-underline hover:underline sm:text-xl ${user ? "mr-28 md:mr-0" : ""}`}
          >
            {t("appName")}
          </Link>
          {user ? (
            <SiteMenu label={t("nav.menu")}>
              <nav aria-label={t("nav.label")}>
                <ul className="flex flex-col gap-1 md:flex-row md:flex-wrap">
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
              <div className="flex flex-wrap items-center gap-3 md:ml-auto">
                <LanguageSwitcher redirectTo={here} />
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
              </div>
            </SiteMenu>
          ) : (
            <div className="ml-auto">
              <LanguageSwitcher redirectTo={here} />
            </div>
          )}
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

/**
 * The header's links and buttons. On a phone they fold into a "Menu" disclosure, which is a
 * <details> so it opens without JavaScript; from the md breakpoint the button is hidden and the
 * contents always shown (tailwind.css, `.site-menu`). With JavaScript it also closes when the page
 * changes and on Escape, which returns focus to the button.
 */
function SiteMenu({ label, children }: { label: string; children: React.ReactNode }) {
  const menu = useRef<HTMLDetailsElement>(null);
  const { pathname, search } = useLocation();
  useEffect(() => {
    if (menu.current) menu.current.open = false;
  }, [pathname, search]);
  useEffect(() => {
    const details = menu.current;
    if (!details) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== "Escape" || !details.open) return;
      details.open = false;
      details.querySelector("summary")?.focus();
    };
    details.addEventListener("keydown", onKey);
    return () => details.removeEventListener("keydown", onKey);
  }, []);
  return (
    <details ref={menu} className="site-menu w-full md:w-auto md:flex-1">
      <summary className="absolute right-4 top-3 flex min-h-[44px] cursor-pointer items-center gap-2 rounded border border-white px-2 py-2 font-semibold text-white hover:bg-brand-dark">
        {label}
        <span aria-hidden="true" className="site-menu-arrow" />
      </summary>
      <div className="flex flex-col gap-3 pb-1 pt-3 md:flex-row md:flex-wrap md:items-center md:gap-x-6 md:pb-0 md:pt-0">{children}</div>
    </details>
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
