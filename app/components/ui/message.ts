import { useTranslation } from "react-i18next";
import { translateError } from "~/utils/i18n";

/** Messages as they travel: "namespace:key" for a domain message, a validation key otherwise. */
export function useMessage() {
  const { t } = useTranslation();
  return (message: string) => (/^\w+:[\w.-]+$/.test(message) ? t(message) : translateError(t, message));
}
