import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { RealtimeError } from "../../../../../domain/realtime";
import { LiveMessage } from "../../../components/Alert";
import { Page } from "../../../components/Page";

/** Why this screen is no longer connected to the session, when it cannot reconnect by itself. */
export function LiveStopped({ error, children }: { error: RealtimeError | null; children?: ReactNode }) {
  const { t } = useTranslation();
  const message =
    error?.message === "removed"
      ? t("live.stopped.removed")
      : error?.code === "unauthenticated"
        ? t("live.stopped.unauthenticated")
        : error?.code === "not_found"
          ? t("live.stopped.notFound")
          : (error?.message ?? t("live.stopped.generic"));
  return (
    <Page title={t("live.stopped.title")}>
      <LiveMessage tone="error">{message}</LiveMessage>
      {children}
    </Page>
  );
}
