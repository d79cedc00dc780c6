import { useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { useSignedIn } from "../../../app/session";
import { Button } from "../../../components/Button";
import { sessionKeys, sessionsApi, type SessionSummary } from "../api";

/** The blob URL lives as long as the component, then is released. */
export function useQrUrl(sessionId: string): string | undefined {
  const { activeOrg } = useSignedIn();
  const qr = useQuery({ queryKey: sessionKeys.qr(activeOrg?.org.id ?? "none", sessionId), queryFn: () => sessionsApi.qrObjectUrl(sessionId), staleTime: Infinity, gcTime: 0, retry: 1 });
  useEffect(() => {
    const url = qr.data;
    return () => {
      if (url) URL.revokeObjectURL(url);
    };
  }, [qr.data]);
  return qr.data;
}

/** How people get in: the code said aloud, the link sent, or the QR code scanned. */
export function JoinInfo({ summary }: { summary: SessionSummary }) {
  const { t } = useTranslation();
  const qr = useQrUrl(summary.id);
  const [copied, setCopied] = useState<"" | "ok" | "failed">("");

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(summary.joinUrl);
      setCopied("ok");
    } catch {
      setCopied("failed");
    }
  };

  return (
    <section aria-labelledby="join-h" className="space-y-3 rounded-xl border border-stone-300 bg-white p-4 dark:border-stone-700 dark:bg-stone-900">
      <h2 id="join-h" className="text-lg font-semibold">
        {t("sessions.join.title")}
      </h2>
      <p>
        <span className="block text-sm text-stone-700 dark:text-stone-300">{t("sessions.join.code")}</span>
        <span data-testid="join-code" className="font-mono text-4xl font-bold tracking-[0.3em]">
          {summary.joinCode}
        </span>
      </p>
      <div className="space-y-1">
        <label htmlFor="join-link" className="block text-sm font-medium">
          {t("sessions.join.link")}
        </label>
        <div className="flex gap-2">
          <input id="join-link" readOnly value={summary.joinUrl} className="min-h-11 w-full min-w-0 rounded-lg border border-stone-400 bg-stone-50 px-3 text-sm dark:border-stone-500 dark:bg-stone-800" onFocus={(e) => e.target.select()} />
          <Button variant="secondary" onClick={() => void copy()}>
            {t("sessions.join.copy")}
          </Button>
        </div>
        <p role="status" className="text-sm">
          {copied === "ok" ? t("sessions.join.copied") : copied === "failed" ? t("sessions.join.copyFailed") : ""}
        </p>
      </div>
      {qr ? <img src={qr} alt={t("sessions.join.qrAlt", { code: summary.joinCode })} className="mx-auto w-44 rounded bg-white p-2" /> : null}
    </section>
  );
}
