import { useTranslation } from "react-i18next";

/** A one-shot message after a successful (or refused) action, announced politely. */
export function Toast({ toast }: { toast: { key: string; type: "success" | "error" } }) {
  const { t } = useTranslation();
  const colours = toast.type === "error" ? "bg-red-50 border-red-700 text-red-900" : "bg-green-50 border-green-700 text-green-900";
  return (
    <div className="mx-auto max-w-7xl px-4 pt-4 no-print">
      <p role="status" className={`rounded-md border-l-4 px-4 py-3 ${colours}`}>
        {t(toast.key)}
      </p>
    </div>
  );
}
