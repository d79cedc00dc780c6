import { lazy } from "react";
import type { FeatureRoutes } from "../../app/feature";

const JoinPage = lazy(() => import("./JoinPage").then((m) => ({ default: m.JoinPage })));

export const joinRoutes: FeatureRoutes = {
  public: [{ path: "join/:code?", Component: JoinPage }],
};
