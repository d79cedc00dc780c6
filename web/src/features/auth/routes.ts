import { lazy } from "react";
import type { FeatureRoutes } from "../../app/feature";

const SignInPage = lazy(() => import("./SignInPage").then((m) => ({ default: m.SignInPage })));
const SignUpPage = lazy(() => import("./SignUpPage").then((m) => ({ default: m.SignUpPage })));

export const authRoutes: FeatureRoutes = {
  public: [
    { path: "signin", Component: SignInPage },
    { path: "signup", Component: SignUpPage },
  ],
};
