import { lazy } from "react";
import type { FeatureRoutes } from "../../app/feature";

const SessionsPage = lazy(() => import("./SessionsPage").then((m) => ({ default: m.SessionsPage })));
const ConsolePage = lazy(() => import("./console/ConsolePage").then((m) => ({ default: m.ConsolePage })));
const TablePage = lazy(() => import("./TablePage").then((m) => ({ default: m.TablePage })));
const RecordPage = lazy(() => import("./RecordPage").then((m) => ({ default: m.RecordPage })));
const JournalPage = lazy(() => import("./JournalPage").then((m) => ({ default: m.JournalPage })));

export const sessionRoutes: FeatureRoutes = {
  signedIn: [
    { path: "sessions", Component: SessionsPage },
    { path: "sessions/:sessionId", Component: ConsolePage },
    { path: "sessions/:sessionId/table", Component: TablePage },
    { path: "sessions/:sessionId/record", Component: RecordPage },
    { path: "journal", Component: JournalPage },
  ],
  nav: [
    { to: "/sessions", labelKey: "sessions.nav", order: 30 },
    { to: "/journal", labelKey: "journal.nav", order: 40 },
  ],
};
