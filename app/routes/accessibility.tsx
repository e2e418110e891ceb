import type { LoaderFunctionArgs } from "@remix-run/node";
import { useTranslation } from "react-i18next";
import { getT } from "~/utils/i18n.server";
import { pageMeta } from "~/utils/meta";

export const meta = pageMeta;
export { RouteErrorBoundary as ErrorBoundary } from "~/components/error-boundary";

// Public: the statement Cabinet Regulation No. 445 asks for.
export async function loader({ request }: LoaderFunctionArgs) {
  const t = await getT(request);
  return { title: `${t("accessibility.title")} · ${t("appName")}` };
}

export default function AccessibilityStatement() {
  const { t } = useTranslation();
  return (
    <article className="prose max-w-2xl">
      <h1 className="mb-4 text-3xl font-bold">{t("accessibility.title")}</h1>
      <p className="mb-3">{t("accessibility.body1")}</p>
      <p className="mb-3">{t("accessibility.body2")}</p>
      <p>{t("accessibility.body3")}</p>
    </article>
  );
}
