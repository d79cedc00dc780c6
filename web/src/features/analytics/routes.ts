import { lazy } from "react";
import type { FeatureRoutes } from "../../app/feature";
import { lazyPage } from "../../i18n/feature";
import { analyticsTranslations } from "./translations";

// Pages load on demand, so recharts never reaches the landing or sign-in pages.
const DashboardPage = lazy(() => import("./DashboardPage").then((m) => ({ default: m.DashboardPage })));
const SessionReportPage = lazy(() => import("./SessionReportPage").then((m) => ({ default: m.SessionReportPage })));
const MyJourneyPage = lazyPage(() => import("./MyJourneyPage").then((m) => m.MyJourneyPage), analyticsTranslations);

export const analyticsRoutes: FeatureRoutes = {
  signedIn: [
    { path: "analytics", Component: DashboardPage },
    { path: "analytics/sessions/:sessionId", Component: SessionReportPage },
    { path: "me/journey", Component: MyJourneyPage },
  ],
  nav: [
    { to: "/me/journey", labelKey: "analytics.myJourneyNav", order: 42 },
    { to: "/analytics", labelKey: "analytics.nav", order: 50 },
  ],
};
