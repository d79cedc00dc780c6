import type { FeatureRoutes } from "../../app/feature";
import { lazyPage } from "../../i18n/feature";
import { coachTranslations } from "./translations";

const CoachHomePage = lazyPage(() => import("./CoachHomePage").then((m) => m.CoachHomePage), coachTranslations);
const ConversationPage = lazyPage(() => import("./ConversationPage").then((m) => m.ConversationPage), coachTranslations);
const CommitmentsPage = lazyPage(() => import("./CommitmentsPage").then((m) => m.CommitmentsPage), coachTranslations);
const MemoriesPage = lazyPage(() => import("./MemoriesPage").then((m) => m.MemoriesPage), coachTranslations);

export const coachRoutes: FeatureRoutes = {
  signedIn: [
    { path: "coach", Component: CoachHomePage },
    { path: "coach/commitments", Component: CommitmentsPage },
    // Reminder emails link here.
    { path: "commitments", Component: CommitmentsPage },
    { path: "coach/memories", Component: MemoriesPage },
    { path: "coach/:conversationId", Component: ConversationPage },
  ],
  nav: [{ to: "/coach", labelKey: "coach.nav", order: 45 }],
};
