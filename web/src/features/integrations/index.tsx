import { Suspense, useCallback, useState, type ComponentProps } from "react";
import { lazyPage } from "../../i18n/feature";
import { errorMessage } from "../../lib/errors";
import { zoomApi } from "./api";
import { integrationsTranslations } from "./translations";

// What other features mount. Each piece arrives with its code and its words ("integrations"
// namespace), so pages that never show Zoom load neither.
const LazySettings = lazyPage(() => import("./ZoomSettingsPanel").then((m) => m.ZoomSettingsPanel), integrationsTranslations);
const LazyOption = lazyPage(() => import("./ZoomMeetingOption").then((m) => m.ZoomMeetingOption), integrationsTranslations);
const LazyConsoleLinks = lazyPage(() => import("./ZoomLinks").then((m) => m.ZoomConsoleLinks), integrationsTranslations);
const LazyRecord = lazyPage(() => import("./ZoomRecord").then((m) => m.ZoomRecord), integrationsTranslations);
const LazyParticipantLink = lazyPage(() => import("./ZoomLinks").then((m) => m.ZoomParticipantLink), integrationsTranslations);

export function ZoomSettings() {
  return (
    <Suspense fallback={null}>
      <LazySettings />
    </Suspense>
  );
}

export function ZoomConsoleLinks(props: ComponentProps<typeof LazyConsoleLinks>) {
  return (
    <Suspense fallback={null}>
      <LazyConsoleLinks {...props} />
    </Suspense>
  );
}

export function ZoomParticipantLink(props: ComponentProps<typeof LazyParticipantLink>) {
  return (
    <Suspense fallback={null}>
      <LazyParticipantLink {...props} />
    </Suspense>
  );
}

export function ZoomRecord(props: ComponentProps<typeof LazyRecord>) {
  return (
    <Suspense fallback={null}>
      <LazyRecord {...props} />
    </Suspense>
  );
}

/**
 * The new-session form's Zoom choice: `field` to render, and `afterCreate` to run once the
 * session exists. A Zoom failure never undoes the session: it comes back as the reason to show.
 */
export function useZoomMeetingOption(orgId: string) {
  const [checked, setChecked] = useState(false);
  const afterCreate = useCallback(
    async (sessionId: string, t: Parameters<typeof errorMessage>[0]): Promise<string | null> => {
      if (!checked) return null;
      try {
        await zoomApi.createMeeting(sessionId);
        return null;
      } catch (err) {
        return errorMessage(t, err);
      }
    },
    [checked],
  );
  const field = (
    <Suspense fallback={null}>
      <LazyOption orgId={orgId} checked={checked} onChange={setChecked} />
    </Suspense>
  );
  return { field, afterCreate };
}
