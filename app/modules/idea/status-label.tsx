import { useTranslation } from "react-i18next";

/** Where an idea stands: its stage when on the board, its status otherwise. Text, never colour alone. */
export function StatusLabel({ status, stage }: { status: string; stage: { key: string; name: string; kind: string } | null }) {
  const { t } = useTranslation("ideas");
  const style =
    status === "ACTIVE"
      ? stage?.kind === "CLOSED_SUCCESS"
        ? "border-green-700 bg-green-50 text-green-900"
        : stage?.kind === "CLOSED_STOPPED"
          ? "border-slate-600 bg-slate-100 text-slate-900"
          : "border-blue-700 bg-blue-50 text-blue-900"
      : status === "NEEDS_INFO"
        ? "border-amber-700 bg-amber-50 text-amber-900"
        : "border-slate-500 bg-white text-slate-800";
  const text = status === "ACTIVE" && stage ? stage.name : t(`status.${status}`);
  return <span className={`inline-block rounded border px-2 py-0.5 text-sm font-medium ${style}`}>{text}</span>;
}

export function PrincipleChips({ keys }: { keys: string[] }) {
  const { t } = useTranslation("ideas");
  if (!keys.length) return null;
  return (
    <ul className="flex flex-wrap gap-1" aria-label={t("fields.principles.label")}>
      {keys.map((key) => (
        <li key={key} className="rounded-full border border-slate-500 bg-white px-2 py-0.5 text-xs">
          {t(`principleShort.${key}`)}
        </li>
      ))}
    </ul>
  );
}
