import { Suspense, type ComponentProps } from "react";
import { lazyPage } from "../../i18n/feature";
import { coachTranslations } from "./translations";

// What other features mount. Each arrives with its code and its words, so a page that does
// not use the coach never loads either.
const LazyParticipantCoach = lazyPage(() => import("./ParticipantCoachPanel").then((m) => m.ParticipantCoachPanel), coachTranslations);
const LazyAiSettings = lazyPage(() => import("./AiSettingsPanel").then((m) => m.AiSettingsPanel), coachTranslations);
const LazyReminderBadge = lazyPage(() => import("./ReminderBadge").then((m) => m.ReminderBadge), coachTranslations);

export function ParticipantCoach(props: ComponentProps<typeof LazyParticipantCoach>) {
  return (
    <Suspense fallback={null}>
      <LazyParticipantCoach {...props} />
    </Suspense>
  );
}

export function CoachAiSettings() {
  return (
    <Suspense fallback={null}>
      <LazyAiSettings />
    </Suspense>
  );
}

/** For the app's header: the steps that fell due, shown only when there are some. */
export function CoachReminderBadge() {
  return (
    <Suspense fallback={null}>
      <LazyReminderBadge />
    </Suspense>
  );
}

export { coachRoutes } from "./routes";
