import { featureTranslations } from "../../i18n/feature";

export const mediaTranslations = featureTranslations("media", { en: () => import("./i18n/en.json"), he: () => import("./i18n/he.json") });
