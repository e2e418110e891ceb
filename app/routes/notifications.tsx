import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ButtonForm } from "~/components/form";
import { handleForm } from "~/core/form.server";
import { MarkReadSchema, listNotifications, markAllRead } from "~/modules/notification/notification.server";
import { requireUser } from "~/utils/auth.server";
import { formatDateTime } from "~/utils/format";
import { getT } from "~/utils/i18n.server";
import { pageMeta } from "~/utils/meta";

export const meta = pageMeta;
export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-boundary";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const [t, notifications] = await Promise.all([getT(request, "notifications"), listNotifications(user.id)]);
  return { title: `${t("title")} · ${t("common:appName")}`, notifications };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  return handleForm(request, {
    schema: MarkReadSchema,
    run: () => markAllRead(user, undefined),
    done: () => ({ redirect: "/notifications" }),
  });
}

export default function Notifications() {
  const { notifications } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation("notifications");
  const unread = notifications.filter((n) => !n.read).length;
  return (
    <div className="max-w-3xl">
      <div className="mb-4 flex flex-wrap items-center justify-between gap-4">
        <h1 className="text-3xl font-bold">{t("title")}</h1>
        <Link to="/account#notifications" className="link">
          {t("prefs.link")}
        </Link>
        {unread ? <ButtonForm id="read-all" fields={{ intent: "read-all" }} label={t("markAllRead")} /> : null}
      </div>
      {notifications.length === 0 ? <p>{t("none")}</p> : null}
      <ul className="space-y-2">
        {notifications.map((n) => (
          <li key={n.id} className={`rounded-lg p-4 shadow ${n.read ? "bg-white" : "border-l-4 border-blue-800 bg-blue-50"}`}>
            {n.read ? null : <span className="mr-2 text-sm font-semibold">{t("new")}</span>}
            {t(`kinds.${n.kind}`)}{" "}
            <Link to={`/ideas/${n.idea.id}`} className="link">
              {n.idea.title}
            </Link>
            <span className="block text-sm text-slate-700">
              <time dateTime={n.createdAt}>{formatDateTime(i18n.language, n.createdAt)}</time>
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
