import { lazy } from "react";
import type { FeatureRoutes } from "../../app/feature";

const LibraryPage = lazy(() => import("./LibraryPage").then((m) => ({ default: m.LibraryPage })));
const DeckPage = lazy(() => import("./DeckPage").then((m) => ({ default: m.DeckPage })));
const CardPage = lazy(() => import("./CardPage").then((m) => ({ default: m.CardPage })));
const JourneysPage = lazy(() => import("./JourneysPage").then((m) => ({ default: m.JourneysPage })));
const JourneyPage = lazy(() => import("./JourneyPage").then((m) => ({ default: m.JourneyPage })));
const JourneyEditPage = lazy(() => import("./JourneyEditPage").then((m) => ({ default: m.JourneyEditPage })));

export const libraryRoutes: FeatureRoutes = {
  signedIn: [
    { path: "library", Component: LibraryPage },
    { path: "library/decks/:deckId", Component: DeckPage },
    { path: "library/cards/:cardId", Component: CardPage },
    { path: "library/journeys", Component: JourneysPage },
    { path: "library/journeys/new", Component: JourneyEditPage },
    { path: "library/journeys/:journeyId", Component: JourneyPage },
    { path: "library/journeys/:journeyId/edit", Component: JourneyEditPage },
  ],
  nav: [{ to: "/library", labelKey: "library.nav", order: 20 }],
};
