import type { FieldMetadata } from "@conform-to/react";
import { useTranslation } from "react-i18next";
import { InputField, SelectField } from "~/components/app-form";
import { ROLES } from "~/utils/permissions";

type Meta = FieldMetadata<unknown, Record<string, unknown>, string[]>;

/** E-mail and name (for a new user), role and institution, with their messages. */
export function UserFields({
  fields,
  institutions,
  currentInstitutionId,
}: {
  fields: { email?: Meta; name?: Meta; role: Meta; institutionId: Meta };
  institutions: { id: number; name: string; active: boolean }[];
  /** The person's institution now: offered even when it no longer takes new people. */
  currentInstitutionId?: number;
}) {
  const { t } = useTranslation("admin");
  return (
    <div className="mb-5 grid gap-4 md:grid-cols-2">
      {fields.email ? <InputField meta={fields.email} type="email" label={t("users.email")} compact /> : null}
      {fields.name ? <InputField meta={fields.name} label={t("users.name")} compact /> : null}
      <SelectField meta={fields.role} label={t("users.role")} compact options={ROLES.map((r) => [r, t(`common:roles.${r}`)])} />
      <SelectField
        meta={fields.institutionId}
        label={t("users.institution")}
        compact
        options={institutions.filter((i) => i.active || i.id === currentInstitutionId).map((i) => [String(i.id), i.name])}
      />
    </div>
  );
}
