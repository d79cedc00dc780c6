import type { SessionAnalytics } from "../../domain/api/analytics";
import { analyzeTextFast } from "../analysis";
import { notFound } from "../errors";
import { durationOf, foldSessionLog, arcByMinute, type FoldedSession, type LoggedEvent } from "./fold";
import type { AnalyticsRepository } from "./repository";

export interface GatheredSession {
  row: NonNullable<Awaited<ReturnType<AnalyticsRepository["session"]>>>;
  folded: FoldedSession;
  seats: Awaited<ReturnType<AnalyticsRepository["participants"]>>;
  /** Valence of each shared text, keyed "reflection:<id>" or "chat:<id>". */
  valence: Map<string, number>;
}

function phaseNamesOf(snapshot: unknown): string[] {
  const phases = (snapshot as { journey?: { phases?: { name?: unknown }[] } } | null)?.journey?.phases ?? [];
  return phases.map((p) => (typeof p.name === "string" ? p.name : ""));
}

/**
 * Reads one session's log and the analyses of what was shared. Texts not analysed yet (the
 * live pipeline may not have reached them) are scored with the fast analyser and stored, so
 * the next report reads them instead of scoring again.
 */
export async function gatherSession(repo: AnalyticsRepository, sessionId: string, now = new Date()): Promise<GatheredSession> {
  const row = await repo.session(sessionId);
  if (!row) throw notFound("That session");
  const [events, seats, stored] = await Promise.all([repo.events(sessionId), repo.participants(sessionId), repo.analysesOf(sessionId)]);
  const folded = foldSessionLog(events as LoggedEvent[], phaseNamesOf(row.snapshot), now);
  const valence = new Map(stored.map((a) => [`${a.sourceType}:${a.sourceId}`, a.valence]));
  const fresh = [];
  for (const s of folded.shared) {
    const key = `${s.sourceType}:${s.sourceId}`;
    if (valence.has(key)) continue;
    const a = analyzeTextFast(s.text);
    valence.set(key, a.valence);
    fresh.push({ orgId: row.orgId, sessionId, participantId: s.participantId, sourceType: s.sourceType, sourceId: s.sourceId, valence: a.valence, emotions: a.emotions, dominant: a.dominant, language: a.language, at: s.at });
  }
  await repo.saveAnalyses(fresh);
  return { row, folded, seats, valence };
}

/** The contract's session summary, plus start, end, hand raises and the cards that moved most. */
export async function buildReport(repo: AnalyticsRepository, g: GatheredSession, now = new Date()): Promise<SessionAnalytics> {
  const { row, folded, seats, valence } = g;
  const speaking = await repo.speakingSeconds(row.id);
  const totalSpeaking = [...speaking.values()].reduce((a, b) => a + b, 0);
  const topIds = [...folded.cards.entries()]
    .sort((a, b) => b[1].chosen + b[1].swapped - (a[1].chosen + a[1].swapped) || b[1].dealt - a[1].dealt || a[0].localeCompare(b[0]))
    .slice(0, 10);
  const words = await repo.cardWords(topIds.map(([id]) => id));
  return {
    sessionId: row.id,
    title: row.title,
    status: row.status,
    startedAt: folded.startedAt?.toISOString() ?? null,
    endedAt: folded.endedAt?.toISOString() ?? row.endedAt?.toISOString() ?? null,
    durationSeconds: durationOf(folded, row.createdAt, now),
    phases: folded.phases.map((p) => ({ name: p.name, seconds: p.seconds })),
    participants: seats
      .filter((s) => s.role === "participant" || folded.people.has(s.id))
      .map((s) => {
        const t = folded.people.get(s.id) ?? { reflections: 0, chatMessages: 0, handRaises: 0 };
        const spoke = speaking.get(s.id);
        return {
          id: s.id,
          displayName: s.displayName,
          reflections: t.reflections,
          chatMessages: t.chatMessages,
          handRaises: t.handRaises,
          ...(totalSpeaking > 0 ? { talkShare: Math.round(((spoke ?? 0) / totalSpeaking) * 1000) / 1000 } : {}),
        };
      }),
    cards: folded.totals,
    topCards: topIds.map(([cardId, t]) => ({ cardId, word: words.get(cardId) ?? null, ...t })),
    commitments: folded.commitments,
    emotionArc: arcByMinute(folded.shared.map((s) => ({ at: s.at, valence: valence.get(`${s.sourceType}:${s.sourceId}`) ?? 0 }))),
  };
}
