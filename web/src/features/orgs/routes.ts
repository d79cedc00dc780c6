import { lazy } from "react";
import type { FeatureRoutes } from "../../app/feature";

const OrgPage = lazy(() => import("./OrgPage").then((m) => ({ default: m.OrgPage })));
const NewOrgPage = lazy(() => import("./NewOrgPage").then((m) => ({ default: m.NewOrgPage })));

export const orgRoutes: FeatureRoutes = {
  signedIn: [
    { path: "org", Component: OrgPage },
    { path: "orgs/new", Component: NewOrgPage },
  ],
  nav: [{ to: "/org", labelKey: "nav.organisation", order: 80 }],
};
