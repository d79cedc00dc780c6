import type { FeatureRoutes, NavEntry } from "./feature";
import { landingRoutes } from "../features/landing/routes";
import { authRoutes } from "../features/auth/routes";
import { homeRoutes } from "../features/home/routes";
import { orgRoutes } from "../features/orgs/routes";
import { invitationRoutes } from "../features/invitations/routes";
import { profileRoutes } from "../features/profile/routes";
import { libraryRoutes } from "../features/library/routes";
import { sessionRoutes } from "../features/sessions/routes";
import { joinRoutes } from "../features/join/routes";
import { signalsRoutes } from "../features/signals/routes";
import { analyticsRoutes } from "../features/analytics/routes";
import { coachRoutes } from "../features/coach/routes";
import { experimentsRoutes } from "../features/experiments/routes";

/** Every feature of the app; a new feature adds its `routes` here. */
export const FEATURES: readonly FeatureRoutes[] = [landingRoutes, authRoutes, homeRoutes, orgRoutes, invitationRoutes, profileRoutes, libraryRoutes, sessionRoutes, joinRoutes, analyticsRoutes, signalsRoutes, coachRoutes, experimentsRoutes];

export const NAV_ENTRIES: readonly NavEntry[] = FEATURES.flatMap((f) => f.nav ?? []).sort((a, b) => a.order - b.order);
