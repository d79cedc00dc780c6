import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { SIGNALS_CONSENT_VERSION, type SignalKind } from "../../../../domain/signals";
import { Button } from "../../components/Button";
import type { useSignalsShare } from "./useSignals";

type Share = ReturnType<typeof useSignalsShare>;

/** The participant's choice: text only unless they tick voice or face; they can change it any time. */
export function SignalsConsent({ share }: { share: Share }) {
  const { t } = useTranslation();
  const { consent, busy, error, status } = share;
  const [draft, setDraft] = useState<SignalKind[]>([]);
  const current = consent?.kinds.join(",") ?? "";
  useEffect(() => setDraft(current ? (current.split(",") as SignalKind[]) : []), [current]);
  if (!consent && !error) return <p role="status">{t("signals.loading")}</p>;
  const allowed = consent?.allowed ?? { voice: false, face: false };
  const toggle = (kind: SignalKind, on: boolean) => setDraft((d) => (on ? [...new Set([...d, kind])] : d.filter((k) => k !== kind)));
  const changed = draft.slice().sort().join(",") !== current;

  return (
    <section aria-labelledby="signals-consent-heading" className="space-y-3 rounded-xl border border-stone-300 bg-white p-4 dark:border-stone-700 dark:bg-stone-900">
      <h2 id="signals-consent-heading" className="text-lg font-semibold">
        {t("signals.consent.title")}
      </h2>
      <p className="text-sm">{t("signals.consent.intro")}</p>
      <ul className="list-disc space-y-1 ps-5 text-sm">
        <li>{t("signals.consent.onDevice")}</li>
        <li>{t("signals.consent.whoSees")}</li>
        <li>{t("signals.consent.stopAnyTime")}</li>
      </ul>
      <fieldset className="space-y-2">
        <legend className="font-medium">{t("signals.consent.choose")}</legend>
        <p className="text-sm text-stone-700 dark:text-stone-300">{t("signals.consent.textAlways")}</p>
        {(["voice", "face"] as const).map((kind) => (
          <div key={kind}>
            <label className="flex items-start gap-2">
              <input type="checkbox" className="mt-1 size-5" checked={draft.includes(kind)} disabled={!allowed[kind] || busy} onChange={(e) => toggle(kind, e.target.checked)} />
              <span>
                <span className="font-medium">{t(`signals.consent.${kind}`)}</span>
                <span className="block text-sm text-stone-700 dark:text-stone-300">{t(`signals.consent.${kind}Detail`)}</span>
                {!allowed[kind] ? <span className="block text-sm">{t("signals.consent.orgOff")}</span> : null}
              </span>
            </label>
            {status[kind] === "failed" ? (
              <p role="alert" className="ms-7 text-sm text-red-800 dark:text-red-300">
                {t(kind === "voice" ? "signals.consent.micFailed" : "signals.consent.cameraFailed")}
              </p>
            ) : null}
          </div>
        ))}
      </fieldset>
      <div className="flex flex-wrap gap-2">
        <Button onClick={() => void share.choose(draft)} disabled={!changed} busy={busy}>
          {t("signals.consent.save")}
        </Button>
        {current ? (
          <Button variant="secondary" onClick={() => void share.choose([])} busy={busy}>
            {t("signals.consent.stopAll")}
          </Button>
        ) : null}
      </div>
      <p role="status" className="text-sm">
        {current ? t("signals.consent.sharing", { kinds: (["voice", "face"] as const).filter((k) => current.includes(k)).map((k) => t(`signals.consent.${k}`)).join(", ") }) : t("signals.consent.textOnly")}
      </p>
      {error ? (
        <p role="alert" className="text-sm text-red-800 dark:text-red-300">
          {error}
        </p>
      ) : null}
      <p className="text-xs text-stone-600 dark:text-stone-400">{t("signals.consent.version", { version: consent?.version ?? SIGNALS_CONSENT_VERSION })}</p>
    </section>
  );
}
