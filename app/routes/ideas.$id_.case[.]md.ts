import type { LoaderFunctionArgs } from "@remix-run/node";
import { caseToMarkdown, getCase } from "~/modules/lesson/case.server";
import { requireUser } from "~/utils/auth.server";
import { requireIdParam } from "~/utils/http.server";
import { getLocale, getT } from "~/utils/i18n.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const id = requireIdParam(params.id);
  const locale = await getLocale(request);
  const [c, t] = await Promise.all([getCase(user, id, locale), getT(request, ["lessons", "experiments"])]);
  return new Response(caseToMarkdown(c, t as never, locale), {
    headers: {
      "Content-Type": "text/markdown; charset=utf-8",
      "Content-Disposition": `attachment; filename="idea-${id}-case.md"`,
      "Cache-Control": "no-store",
    },
  });
}
