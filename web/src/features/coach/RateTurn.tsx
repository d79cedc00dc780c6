import { useMutation } from "@tanstack/react-query";
import { useId, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "../../components/Button";
import type { CoachApi } from "./api";
import { useErrorText } from "./useErrorText";

/**
 * Helpful / not helpful for one coach turn. "Helpful" is sent at once; "not helpful" asks
 * (optionally) why before it is sent, so each rating is recorded once.
 */
export function RateTurn({ client, messageId, conversationId, sessionId }: { client: CoachApi; messageId: string; conversationId: string; sessionId?: string | null }) {
  const { t } = useTranslation("coach");
  const errorText = useErrorText();
  const reasonId = useId();
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState("");
  const rate = useMutation({
    mutationFn: (v: { signal: "helpful" | "not-helpful"; reason?: string }) =>
      client.feedback({ targetType: "coachMessage", targetId: messageId, signal: v.signal, reason: v.reason, context: { conversationId, ...(sessionId ? { sessionId } : {}) } }),
  });
  const sent = rate.isSuccess ? rate.variables.signal : null;

  if (sent) {
    return (
      <p role="status" className="text-xs text-stone-700 dark:text-stone-300">
        {t(sent === "helpful" ? "rate.thanksHelpful" : "rate.thanksNotHelpful")}
      </p>
    );
  }
  const submitReason = (e: FormEvent) => {
    e.preventDefault();
    rate.mutate({ signal: "not-helpful", reason: reason.trim() || undefined });
  };
  return (
    <div className="space-y-2" role="group" aria-label={t("rate.label")}>
      <div className="flex flex-wrap gap-2">
        <button type="button" className="min-h-11 rounded-lg px-3 text-xs font-medium text-stone-800 underline-offset-2 hover:bg-stone-100 hover:underline dark:text-stone-200 dark:hover:bg-stone-800" disabled={rate.isPending} onClick={() => rate.mutate({ signal: "helpful" })}>
          <span aria-hidden="true">👍 </span>
          {t("rate.helpful")}
        </button>
        <button type="button" aria-expanded={asking} className="min-h-11 rounded-lg px-3 text-xs font-medium text-stone-800 underline-offset-2 hover:bg-stone-100 hover:underline dark:text-stone-200 dark:hover:bg-stone-800" disabled={rate.isPending} onClick={() => setAsking((a) => !a)}>
          <span aria-hidden="true">👎 </span>
          {t("rate.notHelpful")}
        </button>
      </div>
      {asking ? (
        <form onSubmit={submitReason} className="space-y-2">
          <label htmlFor={reasonId} className="block text-xs font-medium">
            {t("rate.why")}
          </label>
          <textarea id={reasonId} value={reason} maxLength={500} rows={2} onChange={(e) => setReason(e.target.value)} className="block w-full rounded-lg border border-stone-400 bg-white px-3 py-2 text-sm dark:border-stone-500 dark:bg-stone-900" />
          <Button type="submit" variant="secondary" busy={rate.isPending}>
            {t("rate.send")}
          </Button>
        </form>
      ) : null}
      {rate.error ? (
        <p role="alert" className="text-xs text-red-700 dark:text-red-400">
          {errorText(rate.error)}
        </p>
      ) : null}
    </div>
  );
}
