import type { LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { stepPath } from "~/modules/idea/brief-steps";
import { openingStep } from "~/modules/idea/idea-queries.server";
import { requireUser } from "~/utils/auth.server";
import { requireIdParam } from "~/utils/http.server";

// Editing opens the brief at its first step, or, for an idea returned with a question, at the
// step the question is about. The steps are their own pages (ideas.$id_.edit_.$step.tsx).
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const id = requireIdParam(params.id);
  return redirect(stepPath(id, await openingStep(user, id)));
}
