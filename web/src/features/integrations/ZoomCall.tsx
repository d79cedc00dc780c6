import { useQuery } from "@tanstack/react-query";
import { useEffect, useId, useReducer, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { LiveMessage } from "../../components/Alert";
import { Button } from "../../components/Button";
import { errorMessage } from "../../lib/errors";
import { hostTokenFailure, zoomApi, zoomKeys } from "./api";
import { CALL_DEADLINES_MS, ZOOM_EMBED_PAGE, callReducer, initialCall, joinMessage, readCallStatus, sdkLanguage, type CallState } from "./zoomEmbedProtocol";

interface CallProps {
  sessionId: string;
  /** A guest's seat token; facilitators call as themselves. */
  token?: string;
  userName: string;
}

/**
 * "Open the call here": the session's Zoom meeting in this page, next to the cards, through the
 * Meeting SDK's component view (its own page in an iframe, see zoomEmbedProtocol). Shown when the
 * organisation has Meeting SDK credentials; says so when this server lacks the embedded page.
 */
export function ZoomCall(props: CallProps) {
  const { t } = useTranslation("integrations");
  const id = useId();
  const [open, setOpen] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const page = useQuery({ queryKey: zoomKeys.embedPage, queryFn: () => zoomApi.embedPageAvailable(ZOOM_EMBED_PAGE), staleTime: Infinity, retry: false });
  if (page.isPending) return null;
  if (!page.data) {
    return (
      <p className="text-sm text-stone-600 dark:text-stone-400" data-testid="zoom-call-unavailable">
        {t("call.unavailable")}
      </p>
    );
  }
  return (
    <div className="space-y-2">
      <Button variant="secondary" aria-expanded={open} aria-controls={id} onClick={() => setOpen((o) => !o)}>
        {open ? t("call.close") : t("call.open")}
      </Button>
      {open ? null : <p className="text-sm text-stone-600 dark:text-stone-400">{t("call.hint")}</p>}
      <div id={id}>{open ? <EmbeddedCall key={attempt} {...props} onRetry={() => setAttempt((a) => a + 1)} /> : null}</div>
    </div>
  );
}

function problemText(t: ReturnType<typeof useTranslation>["t"], state: CallState): string | null {
  const p = state.problem;
  if (state.phase !== "failed" || !p) return null;
  const reason = p.reason && p.code ? t("call.withCode", { reason: p.reason, code: p.code }) : (p.reason ?? "");
  return t(`call.failed.${p.kind}`, { reason });
}

function EmbeddedCall({ sessionId, token, userName, onRetry }: CallProps & { onRetry: () => void }) {
  const { t, i18n } = useTranslation("integrations");
  const { t: tc } = useTranslation();
  const frame = useRef<HTMLIFrameElement>(null);
  const [state, dispatch] = useReducer(callReducer, initialCall);
  const language = sdkLanguage(i18n.language);

  useEffect(() => {
    const onMessage = (event: MessageEvent) => {
      if (event.origin !== window.location.origin || !frame.current || event.source !== frame.current.contentWindow) return;
      const status = readCallStatus(event.data);
      if (status) dispatch({ type: "status", status });
    };
    window.addEventListener("message", onMessage);
    return () => window.removeEventListener("message", onMessage);
  }, []);

  // The page is ready: ask the server for a signature and hand the details to the page.
  useEffect(() => {
    if (state.phase !== "signing") return;
    let cancelled = false;
    zoomApi.sdkSignature(sessionId, token).then(
      (sdk) => {
        if (cancelled) return;
        const join = joinMessage({ meetingNumber: sdk.meetingNumber, signature: sdk.signature, userName, password: sdk.password ?? "", language, ...(sdk.zak ? { zak: sdk.zak } : {}) });
        frame.current?.contentWindow?.postMessage(join, window.location.origin);
      },
      (err: unknown) => {
        if (cancelled) return;
        const hostToken = hostTokenFailure(err);
        dispatch(hostToken !== null ? { type: "host-token-failed", reason: hostToken } : { type: "signature-failed", reason: errorMessage(tc, err) });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [state.phase, sessionId, token, userName, language, tc]);

  // No step waits for ever: each has a deadline, after which the studio says what happened.
  useEffect(() => {
    const ms = CALL_DEADLINES_MS[state.phase];
    if (ms === undefined) return;
    const timer = window.setTimeout(() => dispatch({ type: "deadline" }), ms);
    return () => window.clearTimeout(timer);
  }, [state.phase]);

  const problem = problemText(t, state);
  return (
    <div className="space-y-2" data-testid="zoom-call" data-phase={state.phase}>
      <LiveMessage tone="info">{state.phase === "failed" ? null : t(`call.status.${state.phase}`)}</LiveMessage>
      <LiveMessage tone="error">{problem ? `${problem} ${t("call.failedHint")}` : null}</LiveMessage>
      {state.phase === "failed" ? (
        <Button variant="secondary" onClick={onRetry}>
          {t("call.retry")}
        </Button>
      ) : null}
      <iframe
        ref={frame}
        src={ZOOM_EMBED_PAGE}
        title={t("call.frameTitle")}
        allow="camera; microphone; display-capture; autoplay"
        className="h-[28rem] w-full rounded-lg border border-stone-300 bg-stone-900 dark:border-stone-700"
      />
    </div>
  );
}
