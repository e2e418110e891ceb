import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { listNotifications, markAllRead } from "~/modules/notification/notification.server";
import { requireUser } from "~/utils/auth.server";
import { formatDateTime } from "~/utils/format";
import { getT } from "~/utils/i18n.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const [t, notifications] = await Promise.all([getT(request, "notifications"), listNotifications(user.id)]);
  return { title: `${t("title")} · ${t("common:appName")}`, notifications };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  await markAllRead(user.id);
  return redirect("/notifications");
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
        {unread ? (
          <Form method="post">
            <button type="submit" className="btn-secondary">
              {t("markAllRead")}
            </button>
          </Form>
        ) : null}
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
