import { Field } from "~/components/ui/field";
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
  return (
    <div className="grid gap-4 md:grid-cols-2">
      {withIdentity ? (
        <>
          <Field id="user-email" label={t("users.email")} errors={error("email")} compact>
            {(a11y) => <input {...a11y} name="email" type="email" defaultValue={value("email")} className="input" />}
          </Field>
          <Field id="user-name" label={t("users.name")} errors={error("name")} compact>
            {(a11y) => <input {...a11y} name="name" defaultValue={value("name")} className="input" />}
          </Field>
        </>
      ) : null}
      <Field id="user-role" label={t("users.role")} errors={error("role")} compact>
        {(a11y) => (
          <select {...a11y} name="role" defaultValue={value("role") ?? defaults.role ?? "SUBMITTER"} className="input">
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`common:roles.${r}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id="user-institution" label={t("users.institution")} errors={error("institutionId")} compact>
        {(a11y) => (
          <select {...a11y} name="institutionId" defaultValue={value("institutionId") ?? String(defaults.institutionId ?? institutions.find((i) => i.active)?.id ?? "")} className="input">
            {institutions
              .filter((i) => i.active || i.id === defaults.institutionId)
              .map((i) => (
                <option key={i.id} value={i.id}>
                  {i.name}
                </option>
              ))}
          </select>
        )}
      </Field>
    </div>
  );
}
