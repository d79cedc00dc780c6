import { useTranslation } from "react-i18next";
import { engagementLevel } from "../../../../domain/signals";
import { useSignalsFeed } from "./useSignals";

export interface StripPerson {
  id: string;
  displayName: string;
  /** From the session's presence: connected, and whether their screen is in view. */
  presence?: { active: boolean } | null;
}

const LEVEL_STYLE = {
  low: "bg-amber-200 dark:bg-amber-800",
  medium: "bg-sky-200 dark:bg-sky-800",
  high: "bg-emerald-200 dark:bg-emerald-800",
  unknown: "bg-stone-200 dark:bg-stone-700",
} as const;
const LEVEL_MARK = { low: "○", medium: "◐", high: "●", unknown: "·" } as const;

/**
 * A calm strip for facilitators: per participant, presence, a simple engagement level (in
 * words and a symbol, colour only repeats it), talk-time share and a few gentle nudges.
 * The numbers live only in this page's memory while the session runs.
 */
export function EngagementStrip({ sessionId, people }: { sessionId: string; people: StripPerson[] }) {
  const { t } = useTranslation();
  const feed = useSignalsFeed({ sessionId });
  const name = (id: string) => people.find((p) => p.id === id)?.displayName ?? t("signals.strip.someone");
  return (
    <section aria-labelledby="engagement-strip-heading" className="space-y-3 rounded-xl border border-stone-300 bg-white p-4 dark:border-stone-700 dark:bg-stone-900" data-testid="engagement-strip">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="engagement-strip-heading" className="text-lg font-semibold">
          {t("signals.strip.title")}
        </h2>
        <p className="text-sm" role="status">
          {feed.group.engagement !== undefined
            ? t("signals.strip.group", { level: t(`signals.level.${engagementLevel(feed.group.engagement)}`), count: feed.group.contributors })
            : t("signals.strip.groupHidden")}
        </p>
      </div>
      {feed.nudges.length ? (
        <ul aria-label={t("signals.strip.nudges")} className="space-y-1 text-sm">
          {feed.nudges.map((n) => (
            <li key={n.kind === "quiet" ? `q-${n.participantId}` : "mood"} className="rounded-lg bg-stone-100 px-3 py-2 dark:bg-stone-800">
              <span aria-hidden="true">✎ </span>
              {n.kind === "quiet" ? t("signals.nudge.quiet", { name: name(n.participantId), count: n.minutes }) : n.cardWord ? t("signals.nudge.moodCard", { card: n.cardWord }) : t("signals.nudge.mood")}
            </li>
          ))}
        </ul>
      ) : null}
      <ul className="grid gap-2 sm:grid-cols-2 lg:grid-cols-3">
        {people.map((p) => {
          const f = feed.people[p.id];
          const live = f && feed.isLive(f) ? f.signals : undefined;
          const level = engagementLevel(live?.engagement);
          const share = feed.group.talkShare[p.id];
          const sharing = live ? [live.voice ? t("signals.consent.voice") : null, live.face ? t("signals.consent.face") : null].filter(Boolean).join(", ") : null;
          return (
            <li key={p.id} className="flex items-center gap-3 rounded-lg border border-stone-200 p-2 dark:border-stone-700" data-testid={`strip-${p.id}`}>
              <span aria-hidden="true" className={`flex size-9 shrink-0 items-center justify-center rounded-full text-lg ${LEVEL_STYLE[level]}`}>
                {LEVEL_MARK[level]}
              </span>
              <div className="min-w-0 text-sm">
                <p className="font-medium">{p.displayName}</p>
                <p>
                  {p.presence ? (p.presence.active ? t("signals.strip.here") : t("signals.strip.away")) : t("signals.strip.notConnected")}
                  {" · "}
                  <span data-testid="strip-engagement">{live ? t("signals.strip.engagement", { level: t(`signals.level.${level}`) }) : f?.stoppedAt ? t("signals.strip.stopped") : t("signals.strip.textOnly")}</span>
                </p>
                {live ? (
                  <p className="text-stone-700 dark:text-stone-300">
                    {sharing}
                    {share !== undefined ? ` · ${t("signals.strip.talkShare", { share: Math.round(share * 100) })}` : ""}
                  </p>
                ) : null}
              </div>
            </li>
          );
        })}
      </ul>
      <p className="text-xs text-stone-600 dark:text-stone-400">{t("signals.strip.formula")}</p>
    </section>
  );
}
