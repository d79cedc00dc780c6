import type { AppContext } from "./context";
import type { ZApp } from "./http/types";
import { authRoutes } from "./auth/routes";
import { orgRoutes } from "./orgs/routes";
import { userRoutes } from "./users/routes";

/** Each capability is a folder with a route installer; adding one is one line here. */
export type Feature = (app: ZApp, ctx: AppContext) => void | Promise<void>;

export const features: Feature[] = [authRoutes, userRoutes, orgRoutes];
