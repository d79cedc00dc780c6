import { z } from "zod";
import type { AppContext } from "../context";
import { errorResponses, type ZApp } from "../http/types";
import { analyzeText } from "./index";
import { textAnalysisRepository } from "./repository";

const AnalyzeInput = z.object({ text: z.string().min(1, "Send some text to analyse").max(5000, "Send at most 5,000 characters") });
const Emotions = z.object({ joy: z.number(), sadness: z.number(), anger: z.number(), fear: z.number(), surprise: z.number(), calm: z.number() });
const AnalysisResult = z.object({
  valence: z.number().min(-1).max(1),
  emotions: Emotions,
  dominant: z.enum(["joy", "sadness", "anger", "fear", "surprise", "calm", "unknown"]),
  language: z.string(),
});

/** Texts that people write in a live session, analysed after they are stored, never in the way of the command. */
const ANALYSED_EVENTS = new Set(["reflection.added", "chat.sent", "commitment.added"]);
const SOURCE: Record<string, "reflection" | "chat" | "commitment"> = { "reflection.added": "reflection", "chat.sent": "chat", "commitment.added": "commitment" };

export function analysisRoutes(app: ZApp, ctx: AppContext) {
  app.post(
    "/api/analysis/text",
    {
      config: { access: "participant" },
      schema: { tags: ["signals"], summary: "Valence and emotions of a text (English; Hebrew and Spanish give valence only)", body: AnalyzeInput, response: { 200: AnalysisResult, ...errorResponses } },
    },
    async (req) => analyzeText(req.body.text),
  );

  const repo = textAnalysisRepository(ctx.database.db);
  let pending = Promise.resolve();
  ctx.live.on("committed", (committed) => {
    const texts = committed.items
      // Private reflections stay private: not even their mood is kept.
      .filter((i) => ANALYSED_EVENTS.has(i.message.type) && (i.message.payload as { visibility?: string }).visibility !== "private")
      .map((i) => {
        const p = i.message.payload as { id?: string; participantId: string; text: string; at?: number };
        return { type: i.message.type, id: p.id ?? String(i.message.seq), participantId: p.participantId, text: p.text, at: new Date(i.message.at) };
      });
    if (texts.length === 0) return;
    // One at a time, in arrival order; a failure is logged and never reaches the session.
    pending = pending
      .then(async () => {
        for (const t of texts) {
          const a = await analyzeText(t.text);
          await repo.insert({
            orgId: committed.orgId,
            sessionId: committed.sessionId,
            participantId: t.participantId,
            sourceType: SOURCE[t.type],
            sourceId: t.id,
            valence: a.valence,
            emotions: a.emotions,
            dominant: a.dominant,
            language: a.language,
            at: t.at,
          });
        }
      })
      .catch((err) => ctx.log.warn({ err }, "text analysis of session texts failed"));
  });
  ctx.onClose(() => pending);
}
