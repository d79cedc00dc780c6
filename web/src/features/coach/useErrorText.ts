import { useTranslation } from "react-i18next";
import { errorMessage } from "../../lib/errors";

/** Error sentences live in the app's main namespace, beside every other feature's. */
export function useErrorText(): (error: unknown) => string {
  const { t } = useTranslation();
  return (error) => errorMessage(t, error);
}
