import type { LoaderFunctionArgs } from "@remix-run/node";
import { getCase } from "~/modules/lesson/case.server";
import { requireUser } from "~/utils/auth.server";
import { requireIdParam } from "~/utils/http.server";
import { getLocale } from "~/utils/i18n.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const id = requireIdParam(params.id);
  const c = await getCase(user, id, await getLocale(request));
  return new Response(JSON.stringify({ schema: "idea-lab/case/v1", language: await getLocale(request), ...c }, null, 2), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="idea-${id}-case.json"`,
      "Cache-Control": "no-store",
    },
  });
}
