import { Suspense } from "react";
import { lazyPage } from "../../i18n/feature";
import { copilotTranslations } from "./translations";

// The panel's code and its words load together, after the console itself.
const LazyPanel = lazyPage(() => import("./CopilotPanel").then((m) => m.CopilotPanel), copilotTranslations);

/** The facilitator's copilot, mounted inside the session console (within its LiveProvider). */
export function Copilot({ sessionId }: { sessionId: string }) {
  return (
    <Suspense fallback={null}>
      <LazyPanel sessionId={sessionId} />
    </Suspense>
  );
}
