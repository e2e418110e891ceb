import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { getHomeData } from "~/modules/user/home.server";
import { requireUser } from "~/utils/auth.server";
import { getLocale, getT } from "~/utils/i18n.server";
import { can, type Permission } from "~/utils/permissions";
import { pageMeta } from "~/utils/meta";

export const meta = pageMeta;
export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-boundary";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const [t, locale] = await Promise.all([getT(request), getLocale(request)]);
  const home = await getHomeData(user, locale);
  return { title: t("appName"), user: { name: user.name, role: user.role }, ...home };
}

const ACTIONS: { to: string; key: string; permission: Permission }[] = [
  { to: "/ideas/new", key: "nav.newIdea", permission: "idea:create" },
  { to: "/ideas/mine", key: "nav.myIdeas", permission: "idea:create" },
  { to: "/ideas", key: "nav.ideas", permission: "idea:read" },
  { to: "/board", key: "nav.board", permission: "board:view" },
  { to: "/lessons", key: "nav.lessons", permission: "lessons:view" },
  { to: "/dashboard", key: "nav.dashboard", permission: "dashboard:view" },
  { to: "/admin", key: "nav.admin", permission: "admin:users" },
];

export default function Home() {
  const { user, institution, principles } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <div className="max-w-3xl">
      <h1 className="mb-4 text-3xl font-bold">{t("home.title", { name: user.name })}</h1>
      <p className="mb-2">{t("home.intro")}</p>
      <p className="mb-8 text-slate-700">{t("home.role", { role: t(`roles.${user.role}`), institution })}</p>
      <h2 className="mb-3 text-xl font-semibold">{t("home.whatYouCanDo")}</h2>
      <ul className="mb-10 flex flex-wrap gap-3">
        {ACTIONS.filter((a) => can(user, a.permission)).map((a) => (
          <li key={a.to}>
            <Link to={a.to} className="btn-secondary">
              {t(a.key)}
            </Link>
          </li>
        ))}
      </ul>
      <section aria-labelledby="principles-title">
        <h2 id="principles-title" className="mb-2 text-xl font-semibold">
          {t("home.principlesTitle")}
        </h2>
        <p className="mb-4">{t("home.principlesIntro")}</p>
        <ol className="mb-4 list-decimal space-y-3 pl-6">
          {principles.map((p) => (
            <li key={p.key}>
              <span className="font-semibold">{p.title}</span>
              <span className="block text-slate-700">{p.help}</span>
            </li>
          ))}
        </ol>
        <a href="https://legalinstruments.oecd.org/en/instruments/OECD-LEGAL-0450" className="link" rel="noreferrer">
          {t("home.principlesLink")}
        </a>
      </section>
    </div>
  );
}
