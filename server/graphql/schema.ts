import { buildSchema, type GraphQLSchema } from "graphql";
import type { DashboardQuery } from "../../domain/api/analytics";
import { DashboardQuery as DashboardQuerySchema } from "../../domain/api/analytics";
import type { Role } from "../../domain/api/common";
import type { AnalyticsService } from "../analytics/service";
import type { cardService } from "../cards/service";
import { forbidden, invalid, unauthenticated } from "../errors";
import type { journeyService } from "../journeys/service";
import { assertAccess, type Access, type Actor, type GuestActor } from "../policies";

/** The GraphQL schema, documented in docs/API.md; every field's access matches its REST twin. */
export const SDL = /* GraphQL */ `
  "A number that may be withheld: null with suppressed true when it describes fewer than five people."
  type Figure { value: Float, suppressed: Boolean! }

  type Phase { name: String!, seconds: Int! }
  type ParticipantSummary { id: ID!, displayName: String!, reflections: Int!, chatMessages: Int!, handRaises: Int!, talkShare: Float }
  type CardCounts { dealt: Int!, chosen: Int!, swapped: Int! }
  type CardActivity { cardId: ID!, word: String, dealt: Int!, chosen: Int!, swapped: Int! }
  type CommitmentSummary { participantId: ID!, text: String!, due: String }
  type ArcPoint { at: String!, valence: Float! }

  "A session's summary: facilitators of the session and admins of its organisation."
  type SessionReport {
    sessionId: ID!, title: String!, status: String!, startedAt: String, endedAt: String, durationSeconds: Int!
    phases: [Phase!]!, participants: [ParticipantSummary!]!, cards: CardCounts!, topCards: [CardActivity!]!
    commitments: [CommitmentSummary!]!, emotionArc: [ArcPoint!]!
  }

  type Range { from: String!, to: String! }
  type Privacy { minGroupSize: Int!, epsilon: Float, noisy: Boolean! }
  type Totals {
    sessions: Figure!, participants: Figure!, returningParticipants: Figure!, reflections: Figure!, averageDurationSeconds: Figure!
    commitmentsMade: Figure!, commitmentsFollowedUp: Figure!, commitmentsDone: Figure!
  }
  type DayPoint { day: String!, sessions: Figure!, participants: Figure! }
  type CardFigure { cardId: ID!, word: String, count: Figure! }
  type Theme { label: String!, words: [String!]!, size: Figure! }
  type CoachRatings { helpful: Figure!, notHelpful: Figure! }
  type FacilitatorFigures { userId: ID!, name: String!, sessions: Figure!, participants: Figure! }
  type RecentSession { id: ID!, title: String!, day: String!, participants: Int!, durationSeconds: Int! }
  type Dashboard {
    scope: String!, range: Range!, privacy: Privacy!, totals: Totals!, sessionsOverTime: [DayPoint!]!
    mostChosenCards: [CardFigure!]!, mostSwappedCards: [CardFigure!]!, themes: [Theme!]!, coachRatings: CoachRatings!
    facilitators: [FacilitatorFigures!]!, recentSessions: [RecentSession!]!
  }

  type MyCommitment { id: ID!, text: String!, due: String, status: String!, sessionId: ID, followUps: Int!, createdAt: String! }
  type MySession { sessionId: ID!, title: String!, day: String!, reflections: Int!, chatMessages: Int!, valence: Float }
  type MonthPoint { month: String!, sessions: Int!, reflections: Int!, valence: Float, commitmentsMade: Int!, commitmentsDone: Int! }
  type MyAnalytics { commitments: [MyCommitment!]!, sessions: [MySession!]!, trend: [MonthPoint!]! }

  type Card { id: ID!, deckId: ID!, word: String!, description: String, imageUrl: String, alt: String!, tags: [String!]!, deck: Deck }
  type Deck { id: ID!, name: String!, kind: String!, description: String, cardCount: Int!, orgId: ID, cards(limit: Int = 50): [Card!]! }
  type JourneyPhase { name: String! }
  type Journey { id: ID!, name: String!, description: String, phases: [JourneyPhase!]! }

  type Query {
    "Analytics for one session (analytics.own, and you run the session or administer its organisation)."
    sessionReport(id: ID!): SessionReport!
    "Your facilitator dashboard (analytics.own). Dates are YYYY-MM-DD."
    dashboard(from: String, to: String, journeyId: ID): Dashboard!
    "The organisation's dashboard (analytics.org), small groups withheld."
    orgDashboard(from: String, to: String, journeyId: ID): Dashboard!
    "Your own commitments and sessions (any signed-in person)."
    me: MyAnalytics!
    "Decks you can see (content.read)."
    decks(limit: Int = 50): [Deck!]!
    deck(id: ID!): Deck!
    card(id: ID!): Card!
    "Journeys you can see (content.read)."
    journeys(limit: Int = 50): [Journey!]!
  }
`;

export const schema: GraphQLSchema = buildSchema(SDL);

export interface GraphQLContext {
  actor: Actor | GuestActor | null;
  analytics: AnalyticsService;
  cards: ReturnType<typeof cardService>;
  journeys: ReturnType<typeof journeyService>;
}

type OrgActor = Actor & { orgId: string; role: Role };

/** The same check a REST route with this access makes, then the organisation it acts in. */
function allowed(c: GraphQLContext, access: Access): OrgActor {
  assertAccess(access, c.actor);
  const a = c.actor;
  if (!a || a.kind !== "user") throw unauthenticated();
  if (!a.orgId || !a.role) throw forbidden("You are not a member of any organisation.");
  return a as OrgActor;
}

function range(args: Record<string, unknown>): DashboardQuery {
  const parsed = DashboardQuerySchema.safeParse({ from: args.from ?? undefined, to: args.to ?? undefined, journeyId: args.journeyId ?? undefined });
  if (!parsed.success) throw invalid(parsed.error.issues[0]?.message ?? "The range is not valid.");
  return parsed.data;
}

const clampLimit = (n: unknown) => Math.max(0, Math.min(200, typeof n === "number" ? n : 50));

/** Decks with their cards resolved lazily, so a query that does not ask for cards does not load them. */
function deckNode(c: GraphQLContext, actor: OrgActor, deck: Awaited<ReturnType<GraphQLContext["cards"]["getDeck"]>>) {
  return {
    ...deck,
    description: deck.description ?? null,
    cards: async (args: { limit?: number }) => (await c.cards.listCards(actor, deck.id, false)).slice(0, clampLimit(args.limit)).map((card) => cardNode(c, actor, card)),
  };
}

function cardNode(c: GraphQLContext, actor: OrgActor, card: Awaited<ReturnType<GraphQLContext["cards"]["getCard"]>>) {
  return { ...card, description: card.description ?? null, imageUrl: card.imageUrl ?? null, deck: async () => deckNode(c, actor, await c.cards.getDeck(actor, card.deckId)) };
}

/** Root resolvers: graphql-js calls these with (args, context). */
export const root = {
  sessionReport: (args: { id: string }, c: GraphQLContext) => c.analytics.sessionReport(allowed(c, "analytics.own"), args.id),
  dashboard: (args: Record<string, unknown>, c: GraphQLContext) => c.analytics.facilitatorDashboard(allowed(c, "analytics.own"), range(args)),
  orgDashboard: (args: Record<string, unknown>, c: GraphQLContext) => c.analytics.orgDashboard(allowed(c, "analytics.org"), range(args)),
  me: (_args: unknown, c: GraphQLContext) => {
    assertAccess("user", c.actor);
    return c.analytics.mine((c.actor as Actor).userId);
  },
  decks: async (args: { limit?: number }, c: GraphQLContext) => {
    const actor = allowed(c, "content.read");
    return (await c.cards.listDecks(actor, false)).slice(0, clampLimit(args.limit)).map((d) => deckNode(c, actor, d));
  },
  deck: async (args: { id: string }, c: GraphQLContext) => {
    const actor = allowed(c, "content.read");
    return deckNode(c, actor, await c.cards.getDeck(actor, args.id));
  },
  card: async (args: { id: string }, c: GraphQLContext) => {
    const actor = allowed(c, "content.read");
    return cardNode(c, actor, await c.cards.getCard(actor, args.id));
  },
  journeys: async (args: { limit?: number }, c: GraphQLContext) => {
    const actor = allowed(c, "content.read");
    return (await c.journeys.list(actor, false)).slice(0, clampLimit(args.limit)).map((j) => ({ ...j, description: j.description ?? null }));
  },
};
