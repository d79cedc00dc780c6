import type { RouteObject } from "react-router";

/** A link in the main navigation, shown only to signed-in users. */
export interface NavEntry {
  to: string;
  /** i18n key of the label. */
  labelKey: string;
  /** Lower numbers come first. */
  order: number;
}

/**
 * What a feature adds to the app. Paths are relative to the root ("signin", "org/members").
 * Components should be lazy (React.lazy) so the first load stays small.
 */
export interface FeatureRoutes {
  /** Reachable by anyone. */
  public?: RouteObject[];
  /** Wrapped in RequireAuth: the user is signed in and the profile is loaded. */
  signedIn?: RouteObject[];
  nav?: NavEntry[];
}
