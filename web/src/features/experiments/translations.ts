import { featureTranslations } from "../../i18n/feature";

export const experimentsTranslations = featureTranslations("experiments", { en: () => import("./i18n/en.json"), he: () => import("./i18n/he.json") });
