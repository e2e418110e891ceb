import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { ComingSoon } from "~/components/coming-soon";
import { requireUserWith } from "~/utils/auth.server";
import { getT } from "~/utils/i18n.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUserWith(request, "dashboard:view");
  const t = await getT(request);
  return { title: `${t("nav.dashboard")} · ${t("appName")}` };
}

export default function Page() {
  return <ComingSoon pageKey="nav.dashboard" />;
}
