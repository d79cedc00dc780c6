import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { MyAnalytics } from "../../../../domain/api/analytics";
import { LiveMessage } from "../../components/Alert";
import { Button } from "../../components/Button";
import { Page, PageLoading, Panel } from "../../components/Page";
import { errorMessage } from "../../lib/errors";
import { formatDate } from "../../lib/format";
import { analyticsApi, analyticsKeys } from "./api";
import { BarFigure, CHART_COLORS, LineFigure, type Row } from "./Charts";

type Status = MyAnalytics["commitments"][number]["status"];

/** A word for the mood, so the figure never relies on its sign or a colour alone. */
const moodKey = (v: number) => (v > 0.05 ? "positive" : v < -0.05 ? "negative" : "neutral");

/** Status marks: a shape and a word, never colour alone. */
const STATUS_MARK: Record<Status, string> = { open: "○", done: "✓", dropped: "–" };
const STATUS_CLASS: Record<Status, string> = {
  open: "border-stone-500 text-stone-800 dark:border-stone-400 dark:text-stone-100",
  done: "border-brand-700 text-brand-900 dark:border-brand-300 dark:text-brand-50",
  dropped: "border-stone-400 text-stone-700 dark:border-stone-500 dark:text-stone-300",
};

/** A signed-in person's own view: their trends over time, their commitments and their journal. */
export function MyJourneyPage() {
  const { t } = useTranslation("analytics");
  const { t: common } = useTranslation();
  const me = useQuery({ queryKey: analyticsKeys.me, queryFn: analyticsApi.me });
  const journal = useQuery({ queryKey: analyticsKeys.journal, queryFn: analyticsApi.journal });

  if (me.isPending) return <PageLoading />;
  return (
    <Page title={t("me.title")} lead={t("me.lead")} width="lg">
      {me.error ? (
        <div className="space-y-2">
          <LiveMessage tone="error">
            {t("me.loadError")} {errorMessage(common, me.error)}
          </LiveMessage>
          <Button variant="secondary" onClick={() => void me.refetch()}>
            {t("me.retry")}
          </Button>
        </div>
      ) : (
        <>
          {me.data.sessions.length === 0 && me.data.commitments.length === 0 ? <p>{t("me.empty")}</p> : null}
          <Trends trend={me.data.trend} />
          <Commitments list={me.data.commitments} />
        </>
      )}
      <Journal state={journal} />
    </Page>
  );
}

function Trends({ trend }: { trend: MyAnalytics["trend"] }) {
  const { t, i18n } = useTranslation("analytics");
  const monthName = (m: string) => new Intl.DateTimeFormat(i18n.language, { month: "short", year: "numeric", timeZone: "UTC" }).format(new Date(`${m}-01T00:00:00Z`));
  const number = (v: number, digits = 0) => new Intl.NumberFormat(i18n.language, { maximumFractionDigits: digits, minimumFractionDigits: digits, signDisplay: digits ? "exceptZero" : "auto" }).format(v);
  const mood = (v: number) => t("me.moodValue", { value: number(v, 2), word: t(`me.moodWords.${moodKey(v)}`) });

  const withSessions = trend.filter((p) => p.sessions > 0);
  const sessions: Row[] = withSessions.map((p) => ({ label: monthName(p.month), value: p.sessions }));
  const busiest = withSessions.reduce<MyAnalytics["trend"][number] | null>((b, p) => (b === null || p.sessions > b.sessions ? p : b), null);
  const totalSessions = withSessions.reduce((a, p) => a + p.sessions, 0);

  const moods = trend.filter((p): p is typeof p & { valence: number } => p.valence !== null);
  const moodRows: Row[] = moods.map((p) => ({ label: monthName(p.month), value: p.valence, note: mood(p.valence) }));
  const moodSummary =
    moods.length === 0
      ? t("me.trends.noMood")
      : moods.length === 1
        ? t("me.trends.moodOne", { month: monthName(moods[0].month), mood: mood(moods[0].valence) })
        : t("me.trends.moodSummary", { first: monthName(moods[0].month), from: mood(moods[0].valence), last: monthName(moods[moods.length - 1].month), to: mood(moods[moods.length - 1].valence) });

  const withCommitments = trend.filter((p) => p.commitmentsMade > 0);
  const made = withCommitments.reduce((a, p) => a + p.commitmentsMade, 0);
  const done = withCommitments.reduce((a, p) => a + p.commitmentsDone, 0);
  const commitmentRows: Row[] = withCommitments.map((p) => ({ label: monthName(p.month), value: p.commitmentsMade, note: t("me.trends.commitmentsCell", { made: p.commitmentsMade, done: p.commitmentsDone }) }));

  return (
    <Panel title={t("me.trends.title")}>
      <div className="grid gap-6 md:grid-cols-2">
        <BarFigure
          title={t("me.trends.sessionsTitle")}
          summary={busiest ? t("me.trends.sessionsSummary", { total: totalSessions, months: withSessions.length, busiest: monthName(busiest.month), most: busiest.sessions }) : t("me.trends.noSessions")}
          columns={[t("me.trends.month"), t("me.trends.sessions")]}
          rows={sessions}
        />
        <BarFigure
          title={t("me.trends.commitmentsTitle")}
          summary={made ? t("me.trends.commitmentsSummary", { made, done }) : t("me.trends.noCommitments")}
          columns={[t("me.trends.month"), t("me.trends.commitments")]}
          rows={commitmentRows}
          color={CHART_COLORS.secondary}
        />
      </div>
      <LineFigure title={t("me.trends.moodTitle")} summary={moodSummary} columns={[t("me.trends.month"), t("me.trends.mood")]} rows={moodRows} domain={[-1, 1]} />
    </Panel>
  );
}

function Commitments({ list }: { list: MyAnalytics["commitments"] }) {
  const { t, i18n } = useTranslation("analytics");
  const count = (s: Status) => list.filter((c) => c.status === s).length;
  return (
    <Panel title={t("me.commitments.title")}>
      {list.length === 0 ? (
        <p>{t("me.commitments.none")}</p>
      ) : (
        <>
          <p className="text-sm text-stone-700 dark:text-stone-300">{t("me.commitments.counts", { open: count("open"), done: count("done"), dropped: count("dropped") })}</p>
          <ul className="divide-y divide-stone-200 dark:divide-stone-700">
            {list.map((c) => (
              <li key={c.id} className="flex flex-wrap items-start gap-x-3 gap-y-1 py-3">
                <span className={`inline-flex shrink-0 items-center gap-1 rounded-full border px-2 py-0.5 text-sm font-semibold ${STATUS_CLASS[c.status]}`}>
                  <span aria-hidden="true">{STATUS_MARK[c.status]}</span>
                  {t(`me.commitments.status.${c.status}`)}
                </span>
                <div className="min-w-0 flex-1 basis-48">
                  <p className={`break-words ${c.status === "dropped" ? "text-stone-700 dark:text-stone-300" : ""}`}>{c.text}</p>
                  <p className="text-sm text-stone-700 dark:text-stone-300">
                    {[
                      t("me.commitments.made", { when: formatDate(c.createdAt, i18n.language) }),
                      c.due ? t("me.commitments.due", { when: formatDate(c.due, i18n.language) }) : null,
                      c.followUps ? t("me.commitments.followUps", { count: c.followUps }) : null,
                    ]
                      .filter(Boolean)
                      .join(" · ")}
                  </p>
                </div>
              </li>
            ))}
          </ul>
        </>
      )}
      <Link to="/coach/commitments" className="inline-block underline">
        {t("me.commitments.manage")}
      </Link>
    </Panel>
  );
}

const JOURNAL_SHOWN = 5;

function Journal({ state }: { state: ReturnType<typeof useQuery<Awaited<ReturnType<typeof analyticsApi.journal>>>> }) {
  const { t, i18n } = useTranslation("analytics");
  const { t: common } = useTranslation();
  if (state.isPending) return null;
  if (state.error) return <LiveMessage tone="error">{errorMessage(common, state.error)}</LiveMessage>;
  const entries = state.data.slice(0, JOURNAL_SHOWN);
  return (
    <Panel title={t("me.journal.title")}>
      {entries.length === 0 ? <p>{t("me.journal.none")}</p> : null}
      <ul className="space-y-4">
        {entries.map((e) => (
          <li key={e.sessionId} className="space-y-1">
            <h3 className="font-semibold break-words">
              {e.title} · {formatDate(e.at, i18n.language)}
            </h3>
            <p className="text-sm text-stone-700 dark:text-stone-300">{t("me.journal.reflections", { count: e.reflections.length })}</p>
            {e.reflections.slice(0, 2).map((r, i) => (
              <blockquote key={`${i}-${r.at}`} className="border-s-4 border-stone-300 ps-3 break-words whitespace-pre-wrap dark:border-stone-600">
                {r.text}
              </blockquote>
            ))}
          </li>
        ))}
      </ul>
      <Link to="/journal" className="inline-block underline">
        {t("me.journal.more")}
      </Link>
    </Panel>
  );
}
