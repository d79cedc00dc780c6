import { lazy } from "react";
import type { FeatureRoutes } from "../../app/feature";

const ParticipantSignalsPage = lazy(() => import("./SignalsPages").then((m) => ({ default: m.ParticipantSignalsPage })));
const FacilitatorSignalsPage = lazy(() => import("./SignalsPages").then((m) => ({ default: m.FacilitatorSignalsPage })));

/** Stand-alone pages; the session console and participant view can mount the same components inline. */
export const signalsRoutes: FeatureRoutes = {
  public: [{ path: "join/:code/signals", Component: ParticipantSignalsPage }],
  signedIn: [{ path: "sessions/:sessionId/signals", Component: FacilitatorSignalsPage }],
};
