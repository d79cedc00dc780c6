import type { FeatureRoutes } from "../../app/feature";
import { lazyPage } from "../../i18n/feature";
import { experimentsTranslations } from "./translations";

// recharts and the page's words load only when the page is opened.
const ExperimentsPage = lazyPage(() => import("./ExperimentsPage").then((m) => m.ExperimentsPage), experimentsTranslations);

export const experimentsRoutes: FeatureRoutes = {
  signedIn: [{ path: "experiments", Component: ExperimentsPage }],
  nav: [{ to: "/experiments", labelKey: "nav.experiments", order: 60 }],
};
