import { lazy } from "react";
import type { FeatureRoutes } from "../../app/feature";

const ProfilePage = lazy(() => import("./ProfilePage").then((m) => ({ default: m.ProfilePage })));

export const profileRoutes: FeatureRoutes = {
  signedIn: [{ path: "profile", Component: ProfilePage }],
  nav: [{ to: "/profile", labelKey: "nav.profile", order: 90 }],
};
