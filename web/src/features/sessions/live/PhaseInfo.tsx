import { useTranslation } from "react-i18next";
import type { SessionState } from "../../../../../domain/session/types";

/** The current phase and what it asks of this person. */
export function PhaseInfo({ state, audience }: { state: SessionState; audience: "facilitator" | "participant" }) {
  const { t } = useTranslation();
  const phase = state.journey.phases[state.phase.index];
  const text = phase?.instructions?.[audience];
  return (
    <section aria-labelledby="phase-heading" className="space-y-1 rounded-xl border border-brand-700 bg-brand-50 p-4 text-stone-900 dark:border-brand-300 dark:bg-brand-900 dark:text-brand-50">
      <p className="text-xs font-semibold uppercase tracking-wide">
        {t("live.phaseOf", { index: state.phase.index + 1, total: state.journey.phases.length })}
      </p>
      <h2 id="phase-heading" className="text-xl font-bold">
        {state.phase.name}
      </h2>
      {text ? <p>{text}</p> : null}
    </section>
  );
}
