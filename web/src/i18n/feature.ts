import { lazy, type ComponentType } from "react";
import { i18n, type Language } from "./index";

type Bundle = Record<string, unknown>;
type Loaders = Record<Language, () => Promise<Bundle | { default: Bundle }>>;

/**
 * A feature's own translations, kept out of the main bundle: each namespace loads with the
 * feature's page, in the current language and in English (the fallback). Components read it
 * with `useTranslation("<namespace>")`.
 */
export interface FeatureTranslations {
  readonly ns: string;
  load(language?: string): Promise<void>;
}

const registered = new Map<string, FeatureTranslations>();

function isLanguage(value: string): value is Language {
  return value === "en" || value === "he";
}

export function featureTranslations(ns: string, loaders: Loaders): FeatureTranslations {
  const existing = registered.get(ns);
  if (existing) return existing;
  const ensure = async (language: Language) => {
    if (i18n.hasResourceBundle(language, ns)) return;
    const loaded = await loaders[language]();
    const bundle = ("default" in loaded ? loaded.default : loaded) as Bundle;
    i18n.addResourceBundle(language, ns, bundle, true, true);
  };
  const entry: FeatureTranslations = {
    ns,
    async load(language = i18n.language) {
      const wanted = language?.split("-")[0] ?? "en";
      await Promise.all([ensure("en"), isLanguage(wanted) && wanted !== "en" ? ensure(wanted) : undefined]);
    },
  };
  registered.set(ns, entry);
  return entry;
}

/** Called before the language changes, so pages already open keep their text in the new language. */
export async function loadFeatureTranslations(language: string): Promise<void> {
  await Promise.all([...registered.values()].map((t) => t.load(language)));
}

/** React.lazy for a page whose text lives in feature namespaces: the code and the words arrive together. */
export function lazyPage<P extends object>(importer: () => Promise<ComponentType<P>>, ...translations: FeatureTranslations[]) {
  return lazy(async () => {
    const [Component] = await Promise.all([importer(), ...translations.map((t) => t.load())]);
    return { default: Component };
  });
}
