import { useId } from "react";
import { useTranslation } from "react-i18next";
import { LANGUAGES, changeLanguage, type Language } from "../i18n";
import { setTheme, useTheme, type ThemeChoice } from "../lib/theme";

const SELECT =
  "min-h-11 rounded-lg border border-stone-400 bg-white px-2 text-sm text-stone-900 dark:border-stone-500 dark:bg-stone-900 dark:text-stone-100";

/** Theme and language pickers; labels are visually hidden in the compact header but read aloud. */
export function DisplaySettings({ compact }: { compact: boolean }) {
  const { t, i18n } = useTranslation();
  const theme = useTheme();
  const themeId = useId();
  const langId = useId();
  const labelClass = compact ? "sr-only" : "block text-sm font-medium";
  return (
    <div role="group" aria-label={t("app.settings")} className={compact ? "flex items-center gap-2" : "grid grid-cols-2 gap-3"}>
      <div>
        <label htmlFor={themeId} className={labelClass}>
          {t("theme.label")}
        </label>
        <select id={themeId} className={`${SELECT} w-full`} value={theme} onChange={(e) => setTheme(e.target.value as ThemeChoice)}>
          <option value="system">{t("theme.system")}</option>
          <option value="light">{t("theme.light")}</option>
          <option value="dark">{t("theme.dark")}</option>
        </select>
      </div>
      <div>
        <label htmlFor={langId} className={labelClass}>
          {t("language.label")}
        </label>
        <select
          id={langId}
          className={`${SELECT} w-full`}
          value={i18n.resolvedLanguage ?? "en"}
          onChange={(e) => void changeLanguage(e.target.value as Language)}
        >
          {LANGUAGES.map((l) => (
            <option key={l.code} value={l.code} lang={l.code}>
              {l.label}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}
