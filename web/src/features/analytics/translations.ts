import { featureTranslations } from "../../i18n/feature";

/** Text of the analytics pages written since features keep their own namespaces (the participant's view). */
export const analyticsTranslations = featureTranslations("analytics", {
  en: () => import("./i18n/en.json"),
  he: () => import("./i18n/he.json"),
});
