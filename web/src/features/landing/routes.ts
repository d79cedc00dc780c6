import type { FeatureRoutes } from "../../app/feature";
// The landing page is the first thing most visitors see, so it ships in the main bundle
// instead of waiting for a second request.
import { LandingPage } from "./LandingPage";

export const landingRoutes: FeatureRoutes = {
  public: [{ index: true, Component: LandingPage }],
};
