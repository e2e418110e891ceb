import { useTranslation } from "react-i18next";
import { translateError } from "~/utils/i18n";

/** Messages as they travel ("namespace:key" or a validation key, with parameters or not), in the reader's language. */
export function useMessage() {
  const { t } = useTranslation();
  return (message: string) => translateError(t, message);
}
