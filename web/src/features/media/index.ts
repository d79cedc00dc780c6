import { Suspense } from "react";
import { createElement } from "react";
import { lazyPage } from "../../i18n/feature";
import { mediaTranslations } from "./translations";

// What other features mount: the audio and video panel, loaded (with its words) only when a
// live session shows it, so the participant's first load stays small.
const LazyMediaPanel = lazyPage(() => import("./MediaPanel").then((m) => m.MediaPanel), mediaTranslations);

/** The session's audio and video; needs a LiveProvider above it. `seatToken` for guests. */
export function MediaMount(props: { seatToken?: string }) {
  return createElement(Suspense, { fallback: null }, createElement(LazyMediaPanel, props));
}
