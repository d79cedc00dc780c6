import { lazy } from "react";
import type { FeatureRoutes } from "../../app/feature";

const HomePage = lazy(() => import("./HomePage").then((m) => ({ default: m.HomePage })));

export const homeRoutes: FeatureRoutes = {
  signedIn: [{ path: "home", Component: HomePage }],
  nav: [{ to: "/home", labelKey: "nav.home", order: 0 }],
};
