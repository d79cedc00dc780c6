import { lazy } from "react";
import type { FeatureRoutes } from "../../app/feature";

const InvitationPage = lazy(() => import("./InvitationPage").then((m) => ({ default: m.InvitationPage })));

export const invitationRoutes: FeatureRoutes = {
  public: [{ path: "invite/:token", Component: InvitationPage }],
};
