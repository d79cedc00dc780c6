import { createBrowserRouter, type RouteObject } from "react-router";
import { FEATURES } from "./features";
import { RequireAuth } from "./RequireAuth";
import { NotFoundPage, RouteError } from "./RouteError";
import { Shell } from "./Shell";

export function buildRoutes(): RouteObject[] {
  return [
    {
      Component: Shell,
      ErrorBoundary: RouteError,
      children: [
        ...FEATURES.flatMap((f) => f.public ?? []),
        { Component: RequireAuth, children: FEATURES.flatMap((f) => f.signedIn ?? []) },
        { path: "*", Component: NotFoundPage },
      ],
    },
  ];
}

export function createAppRouter() {
  return createBrowserRouter(buildRoutes());
}
