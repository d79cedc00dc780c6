import { featureTranslations } from "../../i18n/feature";

/** The recommender's words: card suggestions in the console, journey suggestions when preparing. */
export const recsTranslations = featureTranslations("recs", { en: () => import("./i18n/en.json"), he: () => import("./i18n/he.json") });
