import { FieldErrors } from "~/components/ui/field";
import type { SubmissionResult } from "@conform-to/react";
import { useTranslation } from "react-i18next";
import { ROLES } from "~/utils/permissions";


/** E-mail and name (for a new user), role and institution, with their messages. */
export function UserFields({
  reply,
  institutions,
  withIdentity = false,
  defaults = {},
}: {
  reply: SubmissionResult<string[]> | null;
  institutions: { id: number; name: string; active: boolean }[];
  withIdentity?: boolean;
  defaults?: { role?: string; institutionId?: number };
}) {
  const { t } = useTranslation("admin");
  const error = (field: string) => reply?.error?.[field] ?? undefined;
  const value = (field: string) => (reply?.initialValue?.[field] as string | undefined) ?? undefined;
  const described = (field: string) => (error(field)?.length ? `user-${field}-error` : undefined);
  return (
    <div className="grid gap-4 md:grid-cols-2">
      {withIdentity ? (
        <>
          <div>
            <label htmlFor="user-email" className="mb-1 block font-semibold">
              {t("users.email")}
            </label>
            <input id="user-email" name="email" type="email" defaultValue={value("email")} className="input" aria-invalid={error("email") ? true : undefined} aria-describedby={described("email")} />
            <FieldErrors id="user-email-error" errors={error("email")} />
          </div>
          <div>
            <label htmlFor="user-name" className="mb-1 block font-semibold">
              {t("users.name")}
            </label>
            <input id="user-name" name="name" defaultValue={value("name")} className="input" aria-invalid={error("name") ? true : undefined} aria-describedby={described("name")} />
            <FieldErrors id="user-name-error" errors={error("name")} />
          </div>
        </>
      ) : null}
      <div>
        <label htmlFor="user-role" className="mb-1 block font-semibold">
          {t("users.role")}
        </label>
        <select id="user-role" name="role" defaultValue={value("role") ?? defaults.role ?? "SUBMITTER"} className="input" aria-invalid={error("role") ? true : undefined} aria-describedby={described("role")}>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {t(`common:roles.${r}`)}
            </option>
          ))}
        </select>
        <FieldErrors id="user-role-error" errors={error("role")} />
      </div>
      <div>
        <label htmlFor="user-institution" className="mb-1 block font-semibold">
          {t("users.institution")}
        </label>
        <select
          id="user-institution"
          name="institutionId"
          defaultValue={value("institutionId") ?? String(defaults.institutionId ?? institutions.find((i) => i.active)?.id ?? "")}
          className="input"
          aria-invalid={error("institutionId") ? true : undefined}
          aria-describedby={described("institutionId")}
        >
          {institutions
            .filter((i) => i.active || i.id === defaults.institutionId)
            .map((i) => (
              <option key={i.id} value={i.id}>
                {i.name}
              </option>
            ))}
        </select>
        <FieldErrors id="user-institution-error" errors={error("institutionId")} />
      </div>
    </div>
  );
}
