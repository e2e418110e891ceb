import type { LoaderFunctionArgs } from "@remix-run/node";
import { similarForBrief } from "~/modules/idea/similar.server";
import { SimilarQuerySchema } from "~/modules/idea/similar.schema";
import { requireUserWith } from "~/utils/auth.server";
import { searchParamsOf } from "~/utils/http.server";
import { getLocale } from "~/utils/i18n.server";

// The similar-ideas panel's answer as the brief's first step is typed (JSON, for the page's script):
// GET /ideas/similar?title=…&need=…[&exclude=12]. Longer text than a query takes, or a bad id, is a 400.
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUserWith(request, "idea:read");
  const parsed = SimilarQuerySchema.safeParse(Object.fromEntries(searchParamsOf(request)));
  const headers = { "Cache-Control": "no-store" };
  if (!parsed.success) return Response.json({ error: "invalid" }, { status: 400, headers });
  return Response.json(await similarForBrief(user, parsed.data, await getLocale(request)), { headers });
}
