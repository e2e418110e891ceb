import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { getUser } from "~/utils/auth.server";
import { prisma } from "~/utils/db.server";
import { readFormData } from "~/utils/form.server";
import { isLocale } from "~/utils/i18n";
import { localeCookie } from "~/utils/session.server";
import { safeRedirect } from "~/utils/safe-redirect";

export async function loader() {
  return redirect("/");
}

/** The language switcher: saves the choice on the user (when signed in) and in a cookie. */
export async function action({ request }: ActionFunctionArgs) {
  const form = await readFormData(request);
  const lng = form.get("lng");
  if (!isLocale(lng)) throw new Response("Unknown language", { status: 400 });
  const user = await getUser(request);
  if (user) await prisma.user.update({ where: { id: user.id }, data: { locale: lng } });
  return redirect(safeRedirect(form.get("redirectTo"), "/"), {
    headers: { "Set-Cookie": await localeCookie.serialize(lng) },
  });
}
