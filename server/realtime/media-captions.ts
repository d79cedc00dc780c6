import { analyzeText } from "../analysis";
import { textAnalysisRepository } from "../analysis/repository";
import type { AppContext } from "../context";
import { signalsService } from "../signals/service";

/** Captions come in bursts while someone speaks; more than this waiting means the analyser is behind, and older ones are skipped. */
const MAX_WAITING = 50;

/**
 * Finished caption phrases feed the session's text signals, like shared reflections and chat
 * do — but only while the speaker consents to voice signals (speech is their voice). The
 * words themselves are never stored, only their analysis.
 */
export function captionSignals(ctx: AppContext) {
  const signals = signalsService(ctx);
  const repo = textAnalysisRepository(ctx.database.db);
  let waiting = 0;
  let pending = Promise.resolve();
  let counter = 0;

  return {
    feed(sessionId: string, participantId: string, text: string): void {
      if (waiting >= MAX_WAITING) return;
      waiting += 1;
      const at = new Date();
      const sourceId = `caption-${at.getTime()}-${(counter = (counter + 1) % 1_000_000)}`;
      pending = pending
        .then(async () => {
          const permitted = await signals.permitted(sessionId, participantId);
          if (!permitted.has("voice")) return;
          const current = await ctx.live.current(sessionId);
          if (!current) return;
          const a = await analyzeText(text);
          await repo.insert({ orgId: current.orgId, sessionId, participantId, sourceType: "caption", sourceId, valence: a.valence, emotions: a.emotions, dominant: a.dominant, language: a.language, at });
        })
        .catch((err: unknown) => ctx.log.warn({ err }, "text analysis of a caption failed"))
        .finally(() => {
          waiting -= 1;
        });
    },
    drain: () => pending,
  };
}
