import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useLocation } from "react-router";
import { LiveMessage } from "../../components/Alert";
import { Button, buttonClass } from "../../components/Button";
import { useSignedIn } from "../../app/session";
import { errorMessage } from "../../lib/errors";
import { zoomApi, zoomKeys, type ZoomMeeting } from "./api";
import { ZoomCall } from "./ZoomCall";

const box = "space-y-3 rounded-xl border border-stone-300 bg-white p-4 dark:border-stone-700 dark:bg-stone-900";

function ExternalLink({ href, children, primary }: { href: string; children: string; primary?: boolean }) {
  const { t } = useTranslation("integrations");
  return (
    <a href={href} target="_blank" rel="noopener noreferrer" className={buttonClass(primary ? "primary" : "secondary")}>
      {children} <span className="sr-only">{t("links.opensInNewTab")}</span>
    </a>
  );
}

function MeetingDetails({ meeting, facilitator }: { meeting: ZoomMeeting; facilitator: boolean }) {
  const { t } = useTranslation("integrations");
  const [copied, setCopied] = useState<"ok" | "failed" | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(`${meeting.agenda}\n${meeting.joinUrl}`);
      setCopied("ok");
    } catch {
      setCopied("failed");
    }
  };
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap gap-2">
        {facilitator && meeting.startUrl ? (
          <ExternalLink href={meeting.startUrl} primary>
            {t("links.start")}
          </ExternalLink>
        ) : null}
        <ExternalLink href={meeting.joinUrl} primary={!facilitator}>
          {t("links.join")}
        </ExternalLink>
      </div>
      {facilitator && meeting.startUrl ? <p className="text-sm text-stone-600 dark:text-stone-400">{t("links.startHint")}</p> : null}
      {meeting.password ? (
        <p className="text-sm">
          <bdi dir="ltr">{t("links.password", { password: meeting.password })}</bdi>
        </p>
      ) : null}
      {facilitator ? (
        <details>
          <summary className="min-h-11 cursor-pointer py-2 text-sm font-medium">{t("links.agenda")}</summary>
          <p className="whitespace-pre-line break-words rounded-lg bg-stone-100 px-3 py-2 text-sm dark:bg-stone-800" dir="ltr">
            {meeting.agenda}
          </p>
          <Button variant="secondary" className="mt-2" onClick={() => void copy()}>
            {t("links.copyAgenda")}
          </Button>
          <LiveMessage tone={copied === "failed" ? "error" : "success"}>{copied === "ok" ? t("links.copied") : copied === "failed" ? t("links.copyFailed") : null}</LiveMessage>
        </details>
      ) : null}
    </div>
  );
}

/** The facilitator console's Zoom box: start and join links, or a button to create the meeting. */
export function ZoomConsoleLinks({ sessionId }: { sessionId: string }) {
  const { t } = useTranslation("integrations");
  const { t: tc } = useTranslation();
  const queryClient = useQueryClient();
  const location = useLocation();
  const { me } = useSignedIn();
  const failedAtCreation = (location.state as { zoomError?: string } | null)?.zoomError;
  const zoom = useQuery({ queryKey: zoomKeys.session(sessionId), queryFn: () => zoomApi.sessionZoom(sessionId), retry: false });
  const create = useMutation({
    mutationFn: () => zoomApi.createMeeting(sessionId),
    onSuccess: (meeting) => queryClient.setQueryData(zoomKeys.session(sessionId), { connected: true, meeting }),
  });
  if (!zoom.data || (!zoom.data.connected && !zoom.data.meeting)) return null;
  const meeting = zoom.data.meeting;
  return (
    <section className={box} aria-labelledby={`zoom-${sessionId}`}>
      <h2 id={`zoom-${sessionId}`} className="text-lg font-semibold">
        {t("links.title")}
      </h2>
      {meeting ? (
        <>
          <MeetingDetails meeting={meeting} facilitator />
          {meeting.meetingSdk ? <ZoomCall sessionId={sessionId} userName={me.user.name} /> : null}
        </>
      ) : (
        <>
          <p>{t("links.none")}</p>
          <Button busy={create.isPending} onClick={() => create.mutate()}>
            {create.isPending ? t("links.creating") : t("links.create")}
          </Button>
        </>
      )}
      <LiveMessage tone="error">
        {create.error ? errorMessage(tc, create.error) : !meeting && failedAtCreation ? t("option.failed", { reason: failedAtCreation }) : null}
      </LiveMessage>
      <LiveMessage tone="success">{create.isSuccess ? t("links.created") : null}</LiveMessage>
    </section>
  );
}

/** A participant's Zoom join link, when the session has a meeting, and the call in the page when the organisation allows it. */
export function ZoomParticipantLink({ sessionId, token, userName }: { sessionId: string; token: string; userName: string }) {
  const { t } = useTranslation("integrations");
  const zoom = useQuery({ queryKey: [...zoomKeys.session(sessionId), "guest"], queryFn: () => zoomApi.sessionZoom(sessionId, token), retry: false, staleTime: 60_000 });
  const meeting = zoom.data?.meeting;
  if (!meeting) return null;
  return (
    <section className={box} aria-labelledby={`zoom-join-${sessionId}`}>
      <h2 id={`zoom-join-${sessionId}`} className="text-lg font-semibold">
        {t("links.title")}
      </h2>
      <p className="text-sm">{t("links.participantLead")}</p>
      <MeetingDetails meeting={meeting} facilitator={false} />
      {meeting.meetingSdk ? <ZoomCall sessionId={sessionId} token={token} userName={userName} /> : null}
    </section>
  );
}
