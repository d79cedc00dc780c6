import { useTranslation } from "react-i18next";
import type { SessionState } from "../../../../../domain/session/types";
import { LiveMessage } from "../../../components/Alert";
import { Button } from "../../../components/Button";
import { useCommand } from "../live/hooks";
import { PhaseInfo } from "../live/PhaseInfo";

/** The journey's phases in order; the facilitator moves the whole room from one to the next. */
export function PhaseRail({ state }: { state: SessionState }) {
  const { t } = useTranslation();
  const { run, error, busy } = useCommand();
  const { index } = state.phase;
  const phases = state.journey.phases;
  const ended = state.status === "ended";
  return (
    <section aria-labelledby="rail-h" className="space-y-3 rounded-xl border border-stone-300 bg-white p-4 dark:border-stone-700 dark:bg-stone-900">
      <h2 id="rail-h" className="text-lg font-semibold">
        {t("sessions.phases.title")}
      </h2>
      <ol className="flex flex-wrap gap-2">
        {phases.map((p, i) => (
          <li key={`${i}-${p.name}`}>
            <button
              type="button"
              aria-current={i === index ? "step" : undefined}
              disabled={ended || busy || i === index}
              onClick={() => void run("phase.goto", { index: i })}
              className={`min-h-11 rounded-full border-2 px-4 text-sm font-semibold disabled:cursor-default ${
                i === index ? "border-brand-700 bg-brand-700 text-white dark:border-brand-300 dark:bg-brand-300 dark:text-stone-950" : i < index ? "border-stone-400 text-stone-700 dark:text-stone-300" : "border-stone-400"
              }`}
            >
              <span className="sr-only">{t("sessions.phases.goTo")} </span>
              {i + 1}. {p.name}
            </button>
          </li>
        ))}
      </ol>
      <PhaseInfo state={state} audience="facilitator" />
      <div className="flex flex-wrap gap-2">
        <Button variant="secondary" disabled={ended || index === 0} busy={busy} onClick={() => void run("phase.previous", {})}>
          {t("sessions.phases.previous")}
        </Button>
        <Button disabled={ended || index >= phases.length - 1} busy={busy} onClick={() => void run("phase.next", {})}>
          {t("sessions.phases.next", { name: phases[index + 1]?.name ?? "" })}
        </Button>
      </div>
      <LiveMessage tone="error">{error}</LiveMessage>
    </section>
  );
}
