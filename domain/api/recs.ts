import { z } from "zod";
import { Card, Journey, PhaseKey } from "../content";

// Recommendations, recommender models, experiments and drift: the shapes the web app and
// integrations read. The card list's outer shape is fixed by the public contract.

export const ModelRef = z.object({ name: z.string(), version: z.string() });
export type ModelRef = z.infer<typeof ModelRef>;

export const ReasonKind = z.enum(["reflection", "topic", "topic-popular", "alongside", "popular", "new"]);

export const CardRecommendationsQuery = z.object({
  topic: z.string().trim().max(500).optional().describe("What the person is working on, in their words"),
  sessionId: z.uuid().optional().describe("A live session: its phase and the caller's own (and, for facilitators, shared) reflections count too"),
  phase: PhaseKey.optional().describe("The method's phase, when there is no session to read it from"),
  participantId: z.uuid().optional().describe("Facilitators of the live session only: suggestions for this participant, from what they shared"),
  limit: z.coerce.number().int().min(1).max(30).default(10),
});
export type CardRecommendationsQuery = z.infer<typeof CardRecommendationsQuery>;

export const RecommendedCard = z.object({
  card: Card.extend({ thumbnailUrl: z.string().optional() }),
  score: z.number(),
  /** Why, in words a participant can read: "close to what you wrote about '…'". */
  reason: z.string(),
  reasonKind: ReasonKind,
  /** Give feedback on this suggestion with targetType "recommendation" and this id. */
  recommendationId: z.uuid(),
});

export const CardRecommendations = z.object({
  items: z.array(RecommendedCard),
  model: ModelRef,
  /** The shown list; null when nothing was shown (suggestions off). */
  listId: z.uuid().nullable(),
  /** Why the list is empty or limited, e.g. the facilitator turned suggestions off. */
  note: z.string().optional(),
  experiment: z.object({ id: z.uuid(), arm: z.string() }).optional(),
});
export type CardRecommendations = z.infer<typeof CardRecommendations>;

export const JourneyRecommendationsQuery = z.object({
  goal: z.string().trim().min(1, "Say in a sentence what you want from the session").max(500),
  limit: z.coerce.number().int().min(1).max(10).default(3),
});

export const JourneyRecommendations = z.object({
  items: z.array(
    z.object({
      journey: Journey.pick({ id: true, name: true, description: true, audience: true }),
      score: z.number(),
      reason: z.string(),
      recommendationId: z.uuid(),
    }),
  ),
  model: ModelRef,
  listId: z.uuid().nullable(),
});

export const RecommenderModelView = z.object({
  id: z.uuid(),
  scope: z.enum(["org", "shared"]),
  name: z.string(),
  version: z.string(),
  params: z.record(z.string(), z.unknown()),
  trainedFrom: z.string().nullable(),
  trainedTo: z.string(),
  eventCount: z.number().int(),
  metrics: z.record(z.string(), z.number()),
  trigger: z.string(),
  createdAt: z.string(),
  /** The model this organisation's suggestions come from right now. */
  serving: z.boolean(),
});
export type RecommenderModelView = z.infer<typeof RecommenderModelView>;

const ArmKey = z.string().trim().regex(/^[a-z0-9][a-z0-9_-]{0,39}$/, "Arm keys are short lowercase words, e.g. control, treatment");
export const ExperimentArmInput = z.object({
  key: ArmKey,
  weight: z.number().positive().max(100).default(1),
  /** For the recommender: parameter overrides (contentWeight, collabWeight, …); for the coach: a strategy. */
  config: z.record(z.string(), z.unknown()).default({}),
});

export const CreateExperimentInput = z
  .object({
    name: z.string().trim().min(1).max(120),
    description: z.string().trim().max(1000).optional(),
    target: z.enum(["recommender", "coach"]),
    arms: z.array(ExperimentArmInput).min(2).max(4),
    minExposures: z.number().int().min(1).max(100_000).default(30),
  })
  .refine((e) => new Set(e.arms.map((a) => a.key)).size === e.arms.length, { message: "Each arm needs its own key", path: ["arms"] });
export type CreateExperimentInput = z.infer<typeof CreateExperimentInput>;

export const ArmResult = z.object({
  key: z.string(),
  weight: z.number(),
  config: z.record(z.string(), z.unknown()),
  exposures: z.number().int(),
  successes: z.number().int(),
  rate: z.number().nullable(),
  /** Wilson 95% interval; null until there is at least one exposure. */
  ci: z.object({ low: z.number(), high: z.number() }).nullable(),
  enoughData: z.boolean(),
  note: z.string().optional(),
});

export const ExperimentView = z.object({
  id: z.uuid(),
  name: z.string(),
  description: z.string(),
  target: z.enum(["recommender", "coach"]),
  status: z.enum(["running", "stopped"]),
  minExposures: z.number().int(),
  startedAt: z.string(),
  stoppedAt: z.string().nullable(),
  arms: z.array(ArmResult),
});
export type ExperimentView = z.infer<typeof ExperimentView>;

export const DriftWeek = z.object({
  week: z.string().describe("Monday of the ISO week, YYYY-MM-DD"),
  events: z.number().int(),
  signalMix: z.record(z.string(), z.number()),
  /** Cosine between this week's mean embedding of positively signalled cards and the baseline's. */
  embeddingCosine: z.number().nullable(),
  /** Total variation distance between this week's signal mix and the baseline's. */
  signalShift: z.number().nullable(),
  flagged: z.boolean(),
  notes: z.array(z.string()),
});
export const DriftReport = z.object({ weeks: z.array(DriftWeek), flagged: z.boolean(), thresholds: z.object({ signalShift: z.number(), embeddingCosine: z.number() }) });
export type DriftReport = z.infer<typeof DriftReport>;
