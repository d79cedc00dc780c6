import { z } from "zod";

/*
 * Analytics contract. The session summary's field names are fixed by shared/CONTRACT.md;
 * extra fields (start and end, hand raises, top cards) are additions clients may ignore.
 */

export const SessionAnalytics = z.object({
  sessionId: z.uuid(),
  title: z.string(),
  status: z.enum(["scheduled", "live", "ended"]),
  startedAt: z.string().nullable(),
  endedAt: z.string().nullable(),
  durationSeconds: z.number().int().nonnegative(),
  phases: z.array(z.object({ name: z.string(), seconds: z.number().int().nonnegative() })),
  participants: z.array(
    z.object({
      id: z.uuid(),
      displayName: z.string(),
      reflections: z.number().int(),
      chatMessages: z.number().int(),
      handRaises: z.number().int(),
      /** Share of speaking time, 0..1; present only when on-device voice signals were shared with consent. */
      talkShare: z.number().min(0).max(1).optional(),
    }),
  ),
  cards: z.object({ dealt: z.number().int(), chosen: z.number().int(), swapped: z.number().int() }),
  topCards: z.array(z.object({ cardId: z.string(), word: z.string().nullable(), dealt: z.number().int(), chosen: z.number().int(), swapped: z.number().int() })),
  commitments: z.array(z.object({ participantId: z.string(), text: z.string(), due: z.string().optional() })),
  /** The group's mood over time: mean valence (−1…1) of what was shared, per minute. */
  emotionArc: z.array(z.object({ at: z.string(), valence: z.number().min(-1).max(1) })),
});
export type SessionAnalytics = z.infer<typeof SessionAnalytics>;

const Day = z.iso.date();

export const DashboardQuery = z.object({
  from: Day.optional(),
  to: Day.optional(),
  journeyId: z.uuid().optional(),
});
export type DashboardQuery = z.infer<typeof DashboardQuery>;

/**
 * A number that may be withheld: on the organisation dashboard any figure describing fewer
 * than `privacy.minGroupSize` people is `null` with `suppressed: true`.
 */
export const Figure = z.object({ value: z.number().nullable(), suppressed: z.boolean() });
export type Figure = z.infer<typeof Figure>;

const CardFigure = z.object({ cardId: z.string(), word: z.string().nullable(), count: Figure });

export const Dashboard = z.object({
  scope: z.enum(["facilitator", "org"]),
  range: z.object({ from: Day, to: Day }),
  privacy: z.object({ minGroupSize: z.number().int(), epsilon: z.number().nullable(), noisy: z.boolean() }),
  totals: z.object({
    sessions: Figure,
    participants: Figure,
    returningParticipants: Figure,
    reflections: Figure,
    averageDurationSeconds: Figure,
    commitmentsMade: Figure,
    commitmentsFollowedUp: Figure,
    commitmentsDone: Figure,
  }),
  sessionsOverTime: z.array(z.object({ day: Day, sessions: Figure, participants: Figure })),
  mostChosenCards: z.array(CardFigure),
  mostSwappedCards: z.array(CardFigure),
  /** Clusters of shared reflections, named by their most telling words; no reflection text is returned. */
  themes: z.array(z.object({ label: z.string(), words: z.array(z.string()), size: Figure })),
  coachRatings: z.object({ helpful: Figure, notHelpful: Figure }),
  /** Organisation scope only. */
  facilitators: z.array(z.object({ userId: z.string(), name: z.string(), sessions: Figure, participants: Figure })),
  /** Facilitator scope only: their recent ended sessions, to open a report. */
  recentSessions: z.array(z.object({ id: z.uuid(), title: z.string(), day: Day, participants: z.number().int(), durationSeconds: z.number().int() })),
});
export type Dashboard = z.infer<typeof Dashboard>;

export const OrgAnalyticsSettings = z.object({
  /** Differential-privacy budget per figure; smaller adds more noise. Null turns noise off. */
  epsilon: z.number().positive().max(10).nullable(),
});
export type OrgAnalyticsSettings = z.infer<typeof OrgAnalyticsSettings>;

export const MyAnalytics = z.object({
  commitments: z.array(
    z.object({
      id: z.uuid(),
      text: z.string(),
      due: z.string().nullable(),
      status: z.enum(["open", "done", "dropped"]),
      sessionId: z.string().nullable(),
      followUps: z.number().int(),
      createdAt: z.string(),
    }),
  ),
  sessions: z.array(z.object({ sessionId: z.uuid(), title: z.string(), day: Day, reflections: z.number().int(), chatMessages: z.number().int(), valence: z.number().nullable() })),
  /**
   * Per month (YYYY-MM), oldest first: sessions, shared reflections, the mean valence (−1…1) of what the
   * person shared (null when nothing), and the commitments made that month and how many of them are done.
   */
  trend: z.array(
    z.object({
      month: z.string(),
      sessions: z.number().int(),
      reflections: z.number().int(),
      valence: z.number().nullable(),
      commitmentsMade: z.number().int(),
      commitmentsDone: z.number().int(),
    }),
  ),
});
export type MyAnalytics = z.infer<typeof MyAnalytics>;
