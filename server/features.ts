import type { AppContext } from "./context";
import type { ZApp } from "./http/types";
import { authRoutes } from "./auth/routes";
import { analysisRoutes } from "./analysis/routes";
import { sessionRoutes } from "./sessions/routes";
import { installRealtime } from "./realtime/server";
import { orgRoutes } from "./orgs/routes";
import { userRoutes } from "./users/routes";
import { cardRoutes } from "./cards/routes";
import { seedDefaultContent } from "./cards/seed";
import { journeyRoutes } from "./journeys/routes";
import { mediaRoutes } from "./media/routes";
import { searchRoutes } from "./search/routes";
import { coachRoutes } from "./coach/routes";
import { feedbackRoutes } from "./feedback/routes";
import { commitmentRoutes } from "./commitments/routes";
import { recsRoutes } from "./recs/routes";
import { experimentRoutes } from "./experiments/routes";
import { signalsRoutes } from "./signals/routes";
import { analyticsRoutes } from "./analytics/routes";
import { graphqlRoutes } from "./graphql/routes";
import { integrationRoutes } from "./integrations/routes";
import { copilotRoutes } from "./copilot/routes";

/** Each capability is a folder with a route installer; adding one is one line here. */
export type Feature = (app: ZApp, ctx: AppContext) => void | Promise<void>;

/** The studio's default decks and journeys, brought up to date before anything can read them. */
const defaultContent: Feature = (_app, ctx) => seedDefaultContent(ctx.database);

export const features: Feature[] = [authRoutes, userRoutes, orgRoutes, defaultContent, mediaRoutes, cardRoutes, journeyRoutes, searchRoutes, sessionRoutes, installRealtime, signalsRoutes, coachRoutes, feedbackRoutes, commitmentRoutes, analysisRoutes, analyticsRoutes, graphqlRoutes, recsRoutes, experimentRoutes, copilotRoutes, integrationRoutes];
