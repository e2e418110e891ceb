import { useTranslation } from "react-i18next";
import { TOKEN_HOURS } from "./users.schema";

export type LinkMail = { status: "PENDING" | "SENT" | "FAILED" | "NOT_SENT"; email: string };

/** A set-password link shown to the administrator, with what became of its e-mail. */
export function LinkNotice({ heading, link, mail }: { heading: string; link: string; mail: LinkMail | null }) {
  const { t } = useTranslation("admin");
  return (
    <div role="status" className="mb-4 rounded-md border-l-4 border-green-700 bg-green-50 px-4 py-3">
      <p className="font-semibold">{heading}</p>
      <p className="break-all">
        <code>{link}</code>
      </p>
      <p className="text-sm">{t("users.linkHelp", { hours: TOKEN_HOURS, count: TOKEN_HOURS })}</p>
      {mail ? <p className="mt-1 text-sm">{t(`users.linkMail.${mail.status === "PENDING" ? "SENT" : mail.status}`, { email: mail.email })}</p> : null}
    </div>
  );
}
