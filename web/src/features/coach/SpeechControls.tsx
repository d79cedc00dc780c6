import { useId } from "react";
import { useTranslation } from "react-i18next";
import { RATE_MAX, RATE_MIN, voicesFor, type SpeechSettings } from "./speech";

/** Reading the coach's turns aloud: off by default; a voice and a speed when on. */
export function SpeechControls({ settings, onChange, voices, available, language }: { settings: SpeechSettings; onChange: (s: SpeechSettings) => void; voices: SpeechSynthesisVoice[]; available: boolean; language: string }) {
  const { t } = useTranslation("coach");
  const id = useId();
  if (!available) return <p className="text-sm text-stone-700 dark:text-stone-300">{t("speech.noVoice")}</p>;
  const ordered = voicesFor(voices, language);
  return (
    <fieldset className="space-y-3">
      <legend className="text-sm font-semibold">{t("speech.title")}</legend>
      <label className="flex min-h-11 items-center gap-2 text-sm">
        <input type="checkbox" className="size-5" checked={settings.speak} onChange={(e) => onChange({ ...settings, speak: e.target.checked })} />
        {t("speech.speak")}
      </label>
      {settings.speak ? (
        <div className="grid gap-3 sm:grid-cols-2">
          <div className="space-y-1">
            <label htmlFor={`${id}-voice`} className="block text-sm font-medium">
              {t("speech.voice")}
            </label>
            <select
              id={`${id}-voice`}
              className="block min-h-11 w-full rounded-lg border border-stone-400 bg-white px-3 py-2 text-base dark:border-stone-500 dark:bg-stone-900"
              value={settings.voiceURI ?? ""}
              onChange={(e) => onChange({ ...settings, voiceURI: e.target.value || null })}
            >
              <option value="">{t("speech.defaultVoice")}</option>
              {ordered.map((v) => (
                <option key={v.voiceURI} value={v.voiceURI}>
                  {v.name} ({v.lang})
                </option>
              ))}
            </select>
          </div>
          <div className="space-y-1">
            <label htmlFor={`${id}-rate`} className="block text-sm font-medium">
              {t("speech.rate", { rate: settings.rate.toFixed(1) })}
            </label>
            <input
              id={`${id}-rate`}
              type="range"
              min={RATE_MIN}
              max={RATE_MAX}
              step={0.1}
              value={settings.rate}
              aria-valuetext={t("speech.rateValue", { rate: settings.rate.toFixed(1) })}
              onChange={(e) => onChange({ ...settings, rate: Number(e.target.value) })}
              className="block min-h-11 w-full"
            />
          </div>
        </div>
      ) : null}
    </fieldset>
  );
}
