import { featureTranslations } from "../../i18n/feature";

/** Zoom settings, the Zoom option when creating a session, and the Zoom links in a live session. */
export const integrationsTranslations = featureTranslations("integrations", { en: () => import("./i18n/en.json"), he: () => import("./i18n/he.json") });
