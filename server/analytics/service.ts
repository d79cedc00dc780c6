import type { Dashboard, DashboardQuery, MyAnalytics, SessionAnalytics } from "../../domain/api/analytics";
import type { Role } from "../../domain/api/common";
import type { AppContext } from "../context";
import { invalid } from "../errors";
import type { Actor } from "../policies";
import { sessionService } from "../sessions/service";
import { dashboardRepository, type Scope } from "./dashboard-repository";
import type { AnalyticsMaterialiser } from "./materialise";
import { MIN_GROUP_SIZE, OPEN, protect, type PrivacyRules } from "./privacy";
import { buildReport, gatherSession } from "./report";
import { analyticsRepository } from "./repository";
import { findThemes } from "./themes";
import { reflectionVectors } from "./vectors";

type OrgActor = Actor & { orgId: string; role: Role };

const DEFAULT_RANGE_DAYS = 90;
const MAX_RANGE_DAYS = 3 * 366;

function rangeOf(q: DashboardQuery, today = new Date()): { from: string; to: string } {
  const to = q.to ?? today.toISOString().slice(0, 10);
  const from = q.from ?? new Date(Date.parse(`${to}T00:00:00Z`) - (DEFAULT_RANGE_DAYS - 1) * 86_400_000).toISOString().slice(0, 10);
  if (from > to) throw invalid("The start of the range must not be after its end.");
  if ((Date.parse(to) - Date.parse(from)) / 86_400_000 > MAX_RANGE_DAYS) throw invalid("Choose a range of at most three years.");
  return { from, to };
}

export function analyticsService(ctx: AppContext, materialiser: AnalyticsMaterialiser) {
  const repo = analyticsRepository(ctx.database.db);
  const dash = dashboardRepository(ctx.database.db);
  const sessions = sessionService(ctx, ctx.live);
  const vectors = reflectionVectors(dash);

  /**
   * Dashboards only change when the fingerprint does, so an answer is kept until then. For
   * noisy organisation figures this also helps privacy: asking again returns the same noise
   * instead of fresh draws that could be averaged away.
   */
  const cache = new Map<string, Dashboard>();
  const CACHE_SIZE = 200;

  async function dashboard(scope: Scope, rules: PrivacyRules): Promise<Dashboard> {
    let print = await repo.fingerprint(scope.orgId);
    if (print.missing > 0) {
      await materialiser.backfill(scope.orgId);
      print = await repo.fingerprint(scope.orgId);
    }
    const key = `${JSON.stringify(scope)}|${JSON.stringify(rules)}|${print.key}`;
    const kept = cache.get(key);
    if (kept) {
      cache.delete(key);
      cache.set(key, kept);
      return kept;
    }
    const fresh = await computeDashboard(scope, rules);
    cache.set(key, fresh);
    if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value as string);
    return fresh;
  }

  async function computeDashboard(scope: Scope, rules: PrivacyRules): Promise<Dashboard> {
    const org = scope.facilitatorId === null;
    const [totals, people, daily, cards, coach, reflections, facilitators, recent] = await Promise.all([
      dash.totals(scope),
      dash.people(scope),
      dash.daily(scope),
      dash.topCards(scope),
      dash.coachRatings(scope),
      dash.reflections(scope).then(async (rs) => {
        const byKey = await vectors.of(rs.map((r) => r.key));
        return rs.map((r) => ({ text: r.text, embedding: byKey.get(r.key) ?? [] }));
      }),
      org ? dash.facilitators(scope) : Promise.resolve([]),
      org ? Promise.resolve([]) : dash.recentSessions(scope),
    ]);
    const n = people.people;
    const { commitments } = people;
    const { chosen, swapped } = cards;
    const p = (value: number, over: number, kind: "count" | "measure" = "count") => protect(value, over, rules, kind);
    return {
      scope: org ? "org" : "facilitator",
      range: { from: scope.from, to: scope.to },
      privacy: { minGroupSize: rules.suppressSmallGroups ? MIN_GROUP_SIZE : 0, epsilon: rules.epsilon, noisy: rules.epsilon !== null },
      totals: {
        sessions: p(totals.sessions, n),
        participants: p(n, n),
        returningParticipants: p(people.returning, people.returning),
        reflections: p(totals.reflections, n),
        averageDurationSeconds: p(totals.averageDurationSeconds, n, "measure"),
        commitmentsMade: p(commitments.made, commitments.people),
        commitmentsFollowedUp: p(commitments.followedUp, commitments.people),
        commitmentsDone: p(commitments.done, commitments.people),
      },
      sessionsOverTime: daily.map((d) => ({ day: d.day, sessions: p(d.sessions, d.participants), participants: p(d.participants, d.participants) })),
      // A card's count is a count of people choosing it, so it is its own group size.
      mostChosenCards: chosen.map((c) => ({ cardId: c.cardId, word: c.word, count: p(c.count, c.count) })),
      mostSwappedCards: swapped.map((c) => ({ cardId: c.cardId, word: c.word, count: p(c.count, c.count) })),
      themes: findThemes(reflections).map((t) => ({ label: t.label, words: t.words, size: p(t.size, t.size) })),
      coachRatings: { helpful: p(coach.helpful, coach.raters), notHelpful: p(coach.notHelpful, coach.raters) },
      facilitators: facilitators.map((f) => ({ userId: f.userId, name: f.name, sessions: p(f.sessions, f.participants), participants: p(f.participants, f.participants) })),
      recentSessions: recent,
    };
  }

  return {
    /** The contract's session summary, for the session's facilitators and the organisation's admins. */
    async sessionReport(actor: OrgActor, sessionId: string): Promise<SessionAnalytics> {
      await sessions.forFacilitator(actor, sessionId);
      return buildReport(repo, await gatherSession(repo, sessionId));
    },

    async facilitatorDashboard(actor: OrgActor, q: DashboardQuery) {
      return dashboard({ orgId: actor.orgId, facilitatorId: actor.userId, journeyId: q.journeyId ?? null, ...rangeOf(q) }, OPEN);
    },

    async orgDashboard(actor: OrgActor, q: DashboardQuery) {
      const epsilon = await repo.epsilonOf(actor.orgId);
      return dashboard({ orgId: actor.orgId, facilitatorId: null, journeyId: q.journeyId ?? null, ...rangeOf(q) }, { suppressSmallGroups: true, epsilon });
    },

    async settings(actor: OrgActor) {
      return { epsilon: await repo.epsilonOf(actor.orgId) };
    },
    async updateSettings(actor: OrgActor, epsilon: number | null) {
      await repo.setEpsilon(actor.orgId, epsilon);
      return { epsilon: await repo.epsilonOf(actor.orgId) };
    },

    /** A person's own commitments and how their sessions went for them; nobody else's data. */
    async mine(userId: string): Promise<MyAnalytics> {
      const [commitments, rows] = await Promise.all([dash.myCommitments(userId), dash.mySessions(userId)]);
      const list = rows.map((r) => ({
        sessionId: String(r.session_id),
        title: String(r.title),
        day: String(r.day),
        reflections: Number(r.reflections),
        chatMessages: Number(r.chat_messages),
        valence: r.valence === null || r.valence === undefined ? null : Number(r.valence),
      }));
      type Month = { sessions: number; reflections: number; valences: number[]; commitmentsMade: number; commitmentsDone: number };
      const months = new Map<string, Month>();
      const month = (key: string) => {
        let m = months.get(key);
        if (!m) months.set(key, (m = { sessions: 0, reflections: 0, valences: [], commitmentsMade: 0, commitmentsDone: 0 }));
        return m;
      };
      for (const s of list) {
        const m = month(s.day.slice(0, 7));
        m.sessions++;
        m.reflections += s.reflections;
        if (s.valence !== null) m.valences.push(s.valence);
      }
      for (const c of commitments) {
        const m = month(new Date(c.created_at as string).toISOString().slice(0, 7));
        m.commitmentsMade++;
        if (c.status === "done") m.commitmentsDone++;
      }
      return {
        commitments: commitments.map((c) => ({
          id: String(c.id),
          text: String(c.text),
          due: c.due_at ? new Date(c.due_at as string).toISOString() : null,
          status: c.status as MyAnalytics["commitments"][number]["status"],
          sessionId: c.session_id ? String(c.session_id) : null,
          followUps: Number(c.follow_ups ?? 0),
          createdAt: new Date(c.created_at as string).toISOString(),
        })),
        sessions: list,
        trend: [...months.entries()]
          .sort((a, b) => a[0].localeCompare(b[0]))
          .map(([key, m]) => ({
            month: key,
            sessions: m.sessions,
            reflections: m.reflections,
            valence: m.valences.length ? Math.round((m.valences.reduce((a, b) => a + b, 0) / m.valences.length) * 1000) / 1000 : null,
            commitmentsMade: m.commitmentsMade,
            commitmentsDone: m.commitmentsDone,
          })),
      };
    },
  };
}
export type AnalyticsService = ReturnType<typeof analyticsService>;
