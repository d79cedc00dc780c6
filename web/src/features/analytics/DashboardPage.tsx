import { useQuery } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import type { Dashboard, DashboardQuery, Figure } from "../../../../domain/api/analytics";
import { useSignedIn } from "../../app/session";
import { LiveMessage } from "../../components/Alert";
import { Button, buttonClass } from "../../components/Button";
import { Page, PageLoading, Panel } from "../../components/Page";
import { api } from "../../lib/api";
import { errorMessage } from "../../lib/errors";
import { canManageOrg } from "../../lib/format";
import { analyticsApi, analyticsKeys } from "./api";
import { BarFigure, CHART_COLORS, LineFigure } from "./Charts";

const val = (f: Figure) => f.value;

/** The facilitator's dashboard, and for admins the organisation's, filtered by dates and journey. */
export function DashboardPage() {
  const { t } = useTranslation();
  const { activeOrg } = useSignedIn();
  const [params, setParams] = useSearchParams();
  const isAdmin = canManageOrg(activeOrg?.role);
  const scope = isAdmin && params.get("scope") === "org" ? "org" : "facilitator";
  const q: DashboardQuery = { from: params.get("from") ?? undefined, to: params.get("to") ?? undefined, journeyId: params.get("journeyId") ?? undefined };
  const orgId = activeOrg?.org.id ?? "none";
  const canSee = activeOrg !== undefined && activeOrg.role !== "member";
  const dash = useQuery({
    queryKey: analyticsKeys.dashboard(orgId, scope, q),
    queryFn: () => (scope === "org" ? analyticsApi.org(q) : analyticsApi.dashboard(q)),
    enabled: canSee,
  });
  const journeys = useQuery({
    queryKey: ["org", orgId, "journeys", "names"],
    queryFn: () => api.get<{ items: { id: string; name: string }[] }>("/api/journeys").then((r) => r.items),
    enabled: canSee,
  });
  const [draft, setDraft] = useState({ from: q.from ?? "", to: q.to ?? "", journeyId: q.journeyId ?? "" });

  const apply = (e: FormEvent) => {
    e.preventDefault();
    const next = new URLSearchParams();
    if (scope === "org") next.set("scope", "org");
    for (const [k, v] of Object.entries(draft)) if (v) next.set(k, v);
    setParams(next);
  };
  const setScope = (s: "facilitator" | "org") => {
    const next = new URLSearchParams(params);
    if (s === "org") next.set("scope", "org");
    else next.delete("scope");
    setParams(next);
  };

  if (!canSee) {
    return (
      <Page title={t("analytics.title")}>
        <p>{t("analytics.facilitatorsOnly")}</p>
      </Page>
    );
  }

  return (
    <Page title={t("analytics.title")} lead={t(scope === "org" ? "analytics.leadOrg" : "analytics.leadOwn")} width="lg">
      {isAdmin ? (
        <div role="group" aria-label={t("analytics.scope")} className="flex flex-wrap gap-2">
          <button type="button" aria-pressed={scope === "facilitator"} className={buttonClass(scope === "facilitator" ? "primary" : "secondary")} onClick={() => setScope("facilitator")}>
            {t("analytics.mySessions")}
          </button>
          <button type="button" aria-pressed={scope === "org"} className={buttonClass(scope === "org" ? "primary" : "secondary")} onClick={() => setScope("org")}>
            {t("analytics.organisation")}
          </button>
        </div>
      ) : null}
      <form onSubmit={apply} className="flex flex-wrap items-end gap-3" aria-label={t("analytics.filters")}>
        <label className="flex flex-col text-sm">
          {t("analytics.from")}
          <input type="date" value={draft.from} onChange={(e) => setDraft({ ...draft, from: e.target.value })} className="rounded border border-stone-400 bg-white px-2 py-1 dark:bg-stone-900" />
        </label>
        <label className="flex flex-col text-sm">
          {t("analytics.to")}
          <input type="date" value={draft.to} onChange={(e) => setDraft({ ...draft, to: e.target.value })} className="rounded border border-stone-400 bg-white px-2 py-1 dark:bg-stone-900" />
        </label>
        <label className="flex flex-col text-sm">
          {t("analytics.journey")}
          <select value={draft.journeyId} onChange={(e) => setDraft({ ...draft, journeyId: e.target.value })} className="rounded border border-stone-400 bg-white px-2 py-1 dark:bg-stone-900">
            <option value="">{t("analytics.allJourneys")}</option>
            {(journeys.data ?? []).map((j) => (
              <option key={j.id} value={j.id}>
                {j.name}
              </option>
            ))}
          </select>
        </label>
        <Button type="submit">{t("analytics.apply")}</Button>
      </form>
      {dash.isPending ? <PageLoading /> : null}
      {dash.error ? (
        <>
          <LiveMessage tone="error">{errorMessage(t, dash.error)}</LiveMessage>
          <Button variant="secondary" onClick={() => void dash.refetch()}>
            {t("common.retry")}
          </Button>
        </>
      ) : null}
      {dash.data ? <DashboardBody d={dash.data} /> : null}
    </Page>
  );
}

function DashboardBody({ d }: { d: Dashboard }) {
  const { t, i18n } = useTranslation();
  const show = (f: Figure) => (f.suppressed ? t("analytics.suppressed") : new Intl.NumberFormat(i18n.language).format(f.value ?? 0));
  const totals: [string, Figure][] = [
    ["sessions", d.totals.sessions],
    ["participants", d.totals.participants],
    ["returningParticipants", d.totals.returningParticipants],
    ["reflections", d.totals.reflections],
    ["commitmentsMade", d.totals.commitmentsMade],
    ["commitmentsFollowedUp", d.totals.commitmentsFollowedUp],
    ["commitmentsDone", d.totals.commitmentsDone],
  ];
  const minutes = d.totals.averageDurationSeconds.value === null ? null : Math.round(d.totals.averageDurationSeconds.value / 60);
  const top = (list: Dashboard["mostChosenCards"]) => list.map((c) => ({ label: c.word ?? t("analytics.card"), value: val(c.count) }));
  const chosen = top(d.mostChosenCards);
  const swapped = top(d.mostSwappedCards);
  const days = d.sessionsOverTime.map((p) => ({ label: p.day, value: val(p.sessions) }));
  const sessionsTotal = days.reduce((a, p) => a + (p.value ?? 0), 0);
  return (
    <div className="space-y-6">
      {d.scope === "org" ? (
        <p className="text-sm text-stone-700 dark:text-stone-300">
          {t("analytics.privacyNote", { n: d.privacy.minGroupSize })} {d.privacy.noisy ? t("analytics.noiseNote", { epsilon: d.privacy.epsilon }) : ""}
        </p>
      ) : null}
      <Panel title={t("analytics.totals")}>
        <dl className="grid grid-cols-2 gap-4 sm:grid-cols-4">
          {totals.map(([key, f]) => (
            <div key={key}>
              <dt className="text-sm text-stone-700 dark:text-stone-300">{t(`analytics.figures.${key}`)}</dt>
              <dd className="text-2xl font-semibold tabular-nums">{show(f)}</dd>
            </div>
          ))}
          <div>
            <dt className="text-sm text-stone-700 dark:text-stone-300">{t("analytics.figures.averageMinutes")}</dt>
            <dd className="text-2xl font-semibold tabular-nums">{minutes === null ? t("analytics.suppressed") : minutes}</dd>
          </div>
        </dl>
      </Panel>
      <Panel title={t("analytics.overTime")}>
        <LineFigure
          title={t("analytics.sessionsPerDay")}
          summary={days.length ? t("analytics.sessionsPerDaySummary", { total: sessionsTotal, days: days.length, from: d.range.from, to: d.range.to }) : t("analytics.noSessions")}
          columns={[t("analytics.day"), t("analytics.figures.sessions")]}
          rows={days}
        />
      </Panel>
      <Panel title={t("analytics.cards")}>
        <div className="grid gap-6 md:grid-cols-2">
          <BarFigure
            title={t("analytics.mostChosen")}
            summary={chosen.length ? t("analytics.mostChosenSummary", { word: chosen[0].label }) : t("analytics.noCards")}
            columns={[t("analytics.card"), t("analytics.times")]}
            rows={chosen}
          />
          <BarFigure
            title={t("analytics.mostSwapped")}
            summary={swapped.length ? t("analytics.mostSwappedSummary", { word: swapped[0].label }) : t("analytics.noCards")}
            columns={[t("analytics.card"), t("analytics.times")]}
            rows={swapped}
            color={CHART_COLORS.secondary}
          />
        </div>
      </Panel>
      <Panel title={t("analytics.themes")}>
        <BarFigure
          title={t("analytics.themesTitle")}
          summary={d.themes.length ? t("analytics.themesSummary", { label: d.themes[0].label, n: d.themes.length }) : t("analytics.noThemes")}
          columns={[t("analytics.theme"), t("analytics.reflections")]}
          rows={d.themes.map((th) => ({ label: th.label, value: val(th.size) }))}
        />
        <p className="text-sm">{t("analytics.coachRatings", { helpful: show(d.coachRatings.helpful), notHelpful: show(d.coachRatings.notHelpful) })}</p>
      </Panel>
      {d.scope === "org" ? (
        <Panel title={t("analytics.facilitators")}>
          <BarFigure
            title={t("analytics.sessionsByFacilitator")}
            summary={t("analytics.facilitatorsSummary", { n: d.facilitators.length })}
            columns={[t("analytics.facilitator"), t("analytics.figures.sessions")]}
            rows={d.facilitators.map((f) => ({ label: f.name || t("analytics.formerMember"), value: val(f.sessions) }))}
          />
        </Panel>
      ) : (
        <Panel title={t("analytics.recent")}>
          {d.recentSessions.length === 0 ? <p>{t("analytics.noSessions")}</p> : null}
          <ul className="divide-y divide-stone-200 dark:divide-stone-700">
            {d.recentSessions.map((s) => (
              <li key={s.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
                <Link to={`/analytics/sessions/${s.id}`} className="font-semibold underline">
                  {s.title}
                </Link>
                <span className="text-sm text-stone-700 dark:text-stone-300">{t("analytics.recentLine", { day: s.day, people: s.participants, minutes: Math.round(s.durationSeconds / 60) })}</span>
              </li>
            ))}
          </ul>
        </Panel>
      )}
    </div>
  );
}
