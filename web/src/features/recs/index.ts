import { lazyPage } from "../../i18n/feature";
import { recsTranslations } from "./translations";

// Mounted inside the sessions feature's pages: the code and the "recs" words load together.
export const LazyCardSuggestions = lazyPage(() => import("./CardSuggestions").then((m) => m.CardSuggestions), recsTranslations);
export const LazyJourneySuggestions = lazyPage(() => import("./JourneySuggestions").then((m) => m.JourneySuggestions), recsTranslations);
