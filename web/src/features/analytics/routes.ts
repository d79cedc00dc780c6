import { lazy } from "react";
import type { FeatureRoutes } from "../../app/feature";

// Pages load on demand, so recharts never reaches the landing or sign-in pages.
const DashboardPage = lazy(() => import("./DashboardPage").then((m) => ({ default: m.DashboardPage })));
const SessionReportPage = lazy(() => import("./SessionReportPage").then((m) => ({ default: m.SessionReportPage })));

export const analyticsRoutes: FeatureRoutes = {
  signedIn: [
    { path: "analytics", Component: DashboardPage },
    { path: "analytics/sessions/:sessionId", Component: SessionReportPage },
  ],
  nav: [{ to: "/analytics", labelKey: "analytics.nav", order: 50 }],
};
