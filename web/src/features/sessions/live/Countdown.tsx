import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { timerRemainingMs } from "../../../../../domain/session/timer";
import type { TimerState } from "../../../../../domain/session/types";
import { useNow } from "./hooks";
import { useLive } from "./LiveProvider";

export function formatClock(ms: number): string {
  const total = Math.ceil(ms / 1000);
  const minutes = Math.floor(total / 60);
  const seconds = total % 60;
  return `${minutes}:${seconds.toString().padStart(2, "0")}`;
}

/** Moments worth saying aloud; a screen reader hearing every second would be unusable. */
const MILESTONES_MS = [60_000, 10_000, 0];

/**
 * The time left, computed from the timer's end time and this device's clock, so no event
 * is needed per second. Milestones (one minute, ten seconds, time is up) are announced.
 */
export function Countdown({ timer, size = "md" }: { timer: TimerState; size?: "md" | "xl" }) {
  const { t } = useTranslation();
  const running = timer.status === "running";
  // The end time is on the server's clock; correct for this device's.
  const { snapshot } = useLive();
  const now = useNow(running, 500) + snapshot.clockOffsetMs;
  const remaining = timerRemainingMs(timer, now);
  const [announcement, setAnnouncement] = useState("");
  const last = useRef(remaining);

  useEffect(() => {
    const before = last.current;
    last.current = remaining;
    if (!running) return;
    const crossed = MILESTONES_MS.find((m) => before > m && remaining <= m);
    if (crossed === undefined) return;
    setAnnouncement(crossed === 0 ? t("live.timer.up") : t("live.timer.left", { time: formatClock(crossed) }));
  }, [remaining, running, t]);

  useEffect(() => {
    if (timer.status === "running") setAnnouncement(t("live.timer.started", { time: formatClock(timerRemainingMs(timer, Date.now() + snapshot.clockOffsetMs)) }));
    else if (timer.status === "paused") setAnnouncement(t("live.timer.paused"));
    // Only a change of status is news; the remaining time changes every tick.
  }, [timer.status, timer.endsAt]);

  const label = timer.status === "idle" ? t("live.timer.idle") : timer.status === "paused" ? t("live.timer.pausedShort") : t("live.timer.running");
  const big = size === "xl" ? "text-6xl sm:text-8xl" : "text-3xl";
  return (
    <div className="flex flex-col items-start">
      <span className="text-xs font-semibold uppercase tracking-wide text-stone-600 dark:text-stone-400">{label}</span>
      <span role="timer" aria-label={t("live.timer.label", { time: formatClock(remaining) })} className={`font-mono font-bold tabular-nums ${big} ${remaining === 0 && running ? "text-red-700 dark:text-red-400" : ""}`}>
        {formatClock(remaining)}
      </span>
      <span className="sr-only" role="status" aria-live="polite">
        {announcement}
      </span>
    </div>
  );
}
