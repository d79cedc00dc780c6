import i18n from "i18next";
import { initReactI18next } from "react-i18next";
import en from "./en.json";
import { STORAGE_KEYS, browserStore } from "../lib/storage";
// feature.ts imports this module back; both only use each other inside functions, so the cycle is safe.
import { loadFeatureTranslations } from "./feature";

export type Translations = typeof en;
export type Language = "en" | "he";

export const LANGUAGES: ReadonlyArray<{ code: Language; label: string }> = [
  { code: "en", label: "English" },
  { code: "he", label: "עברית" },
];

const RTL_LANGUAGES: ReadonlySet<string> = new Set(["he", "ar", "fa", "ur"]);

export function directionOf(language: string): "rtl" | "ltr" {
  return RTL_LANGUAGES.has(language.split("-")[0]) ? "rtl" : "ltr";
}

/** English ships in the main bundle; other languages load on demand to keep first load small. */
const loaders: Record<Language, () => Promise<Translations>> = {
  en: () => Promise.resolve(en),
  he: () => import("./he.json").then((m) => m.default),
};

function isLanguage(value: string | null | undefined): value is Language {
  return value === "en" || value === "he";
}

export function preferredLanguage(): Language {
  const stored = browserStore().getItem(STORAGE_KEYS.lang);
  if (isLanguage(stored)) return stored;
  const fromBrowser = typeof navigator !== "undefined" ? navigator.language.split("-")[0] : "en";
  return isLanguage(fromBrowser) ? fromBrowser : "en";
}

export function applyDocumentLanguage(language: string): void {
  const root = document.documentElement;
  root.lang = language;
  root.dir = directionOf(language);
}

async function ensureLoaded(language: Language): Promise<void> {
  if (i18n.hasResourceBundle(language, "translation")) return;
  i18n.addResourceBundle(language, "translation", await loaders[language](), true, true);
}

export async function setupI18n(language: Language = preferredLanguage()): Promise<typeof i18n> {
  if (!i18n.isInitialized) {
    await i18n.use(initReactI18next).init({
      lng: "en",
      fallbackLng: "en",
      supportedLngs: ["en", "he"],
      resources: { en: { translation: en } },
      interpolation: { escapeValue: false },
      react: { useSuspense: false },
    });
    i18n.on("languageChanged", applyDocumentLanguage);
  }
  await ensureLoaded(language);
  await i18n.changeLanguage(language);
  applyDocumentLanguage(language);
  return i18n;
}

export async function changeLanguage(language: Language): Promise<void> {
  await ensureLoaded(language);
  // Feature namespaces already in use load first, so nothing flashes untranslated.
  await loadFeatureTranslations(language);
  await i18n.changeLanguage(language);
  browserStore().setItem(STORAGE_KEYS.lang, language);
}

export { i18n };
