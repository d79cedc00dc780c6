import { useTranslation } from "react-i18next";
import { useLive } from "./LiveProvider";

/** Always in the DOM so the change is announced; visible only while the connection is down. */
export function ReconnectBanner() {
  const { t } = useTranslation();
  const { snapshot } = useLive();
  const { status, pendingCount } = snapshot;
  let text: string | null = null;
  if (status === "reconnecting") text = pendingCount > 0 ? t("live.reconnectingPending", { count: pendingCount }) : t("live.reconnecting");
  else if (status === "connecting") text = t("live.connecting");
  return (
    <div role="status" aria-live="polite" className="sticky top-0 z-30">
      {text ? (
        <p className="bg-amber-100 px-4 py-2 text-center text-sm font-semibold text-amber-950 dark:bg-amber-900 dark:text-amber-50">{text}</p>
      ) : null}
    </div>
  );
}
