import { useEffect, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import type { SessionState } from "../../../../../domain/session/types";
import { LiveMessage } from "../../../components/Alert";
import { Button } from "../../../components/Button";
import { TextField } from "../../../components/Field";
import { Countdown } from "../live/Countdown";
import { useCommand } from "../live/hooks";

export function TimerControls({ state }: { state: SessionState }) {
  const { t } = useTranslation();
  const { run, error, busy } = useCommand();
  const { timer } = state;
  const phaseMinutes = Math.max(1, Math.round((state.journey.phases[state.phase.index]?.durationSeconds ?? 300) / 60));
  const [minutes, setMinutes] = useState(String(phaseMinutes));
  // A new phase suggests its own length.
  useEffect(() => setMinutes(String(phaseMinutes)), [phaseMinutes]);
  const ended = state.status === "ended";

  const start = (event: FormEvent) => {
    event.preventDefault();
    const value = Number(minutes);
    if (!Number.isFinite(value) || value <= 0) return;
    void run("timer.start", { seconds: Math.round(value * 60) });
  };

  return (
    <section aria-labelledby="timer-h" className="space-y-3 rounded-xl border border-stone-300 bg-white p-4 dark:border-stone-700 dark:bg-stone-900">
      <h2 id="timer-h" className="text-lg font-semibold">
        {t("sessions.timer.title")}
      </h2>
      <Countdown timer={timer} />
      <form onSubmit={start} className="flex flex-wrap items-end gap-2">
        <div className="w-32">
          <TextField label={t("sessions.timer.minutes")} type="number" min={0.5} max={1440} step={0.5} inputMode="decimal" value={minutes} onChange={(e) => setMinutes(e.target.value)} disabled={ended} />
        </div>
        <Button type="submit" disabled={ended} busy={busy}>
          {timer.status === "idle" ? t("sessions.timer.start") : t("sessions.timer.restart")}
        </Button>
        {timer.status === "running" ? (
          <Button variant="secondary" busy={busy} onClick={() => void run("timer.pause", {})}>
            {t("sessions.timer.pause")}
          </Button>
        ) : null}
        {timer.status === "paused" ? (
          <Button variant="secondary" busy={busy} onClick={() => void run("timer.resume", {})}>
            {t("sessions.timer.resume")}
          </Button>
        ) : null}
        <Button variant="secondary" disabled={ended || timer.status === "idle"} busy={busy} onClick={() => void run("timer.extend", { seconds: 60 })}>
          {t("sessions.timer.extend")}
        </Button>
        <Button variant="ghost" disabled={ended} busy={busy} onClick={() => void run("timer.reset", {})}>
          {t("sessions.timer.reset")}
        </Button>
      </form>
      <LiveMessage tone="error">{error}</LiveMessage>
    </section>
  );
}
