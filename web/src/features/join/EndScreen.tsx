import { useMutation } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import type { SessionState } from "../../../../domain/session/types";
import { useSession } from "../../app/session";
import { LiveMessage } from "../../components/Alert";
import { Button, buttonClass } from "../../components/Button";
import { Page, Panel } from "../../components/Page";
import { errorMessage } from "../../lib/errors";
import { sessionsApi } from "../sessions/api";
import { CommitmentList } from "../sessions/live/Feed";
import type { Seat } from "./seat";

/** After the session: what I take with me, and how to keep it in an account. */
export function EndScreen({ seat, state }: { seat: Seat; state: SessionState }) {
  const { t } = useTranslation();
  const { status } = useSession();
  const [params] = useSearchParams();
  const claim = useMutation({ mutationFn: () => sessionsApi.claim(seat.token) });
  const tried = useRef(false);
  const mine = state.reflections.filter((r) => r.participantId === seat.participantId);
  const back = `/join/${seat.code}?keep=1`;

  // Coming back from sign-up with ?keep=1: keep the journal without another click.
  useEffect(() => {
    if (status === "signedIn" && params.get("keep") === "1" && !tried.current) {
      tried.current = true;
      claim.mutate();
    }
  }, [status, params, claim]);

  return (
    <Page title={t("join.end.title")} lead={t("join.end.lead", { title: seat.title })}>
      <Panel title={t("join.end.journal")}>
        {claim.isSuccess ? (
          <>
            <LiveMessage tone="success">{t("join.end.kept")}</LiveMessage>
            <Link to="/journal" className={buttonClass("primary")}>
              {t("join.end.openJournal")}
            </Link>
          </>
        ) : status === "signedIn" ? (
          <>
            <p>{t("join.end.keepSignedIn")}</p>
            <Button busy={claim.isPending} onClick={() => claim.mutate()}>
              {t("join.end.keep")}
            </Button>
          </>
        ) : (
          <>
            <p>{t("join.end.keepGuest")}</p>
            <div className="flex flex-wrap gap-2">
              <Link to={`/signup?next=${encodeURIComponent(back)}`} className={buttonClass("primary")}>
                {t("join.end.signUp")}
              </Link>
              <Link to={`/signin?next=${encodeURIComponent(back)}`} className={buttonClass("secondary")}>
                {t("join.end.signIn")}
              </Link>
            </div>
          </>
        )}
        <LiveMessage tone="error">{claim.error ? errorMessage(t, claim.error) : null}</LiveMessage>
      </Panel>
      <Panel title={t("join.end.yourWords")}>
        {mine.length === 0 ? <p>{t("join.end.noReflections")}</p> : null}
        <ul className="space-y-2">
          {mine.map((r) => (
            <li key={r.id}>
              <p className="whitespace-pre-wrap">{r.text}</p>
              <p className="text-xs text-stone-600 dark:text-stone-400">{t(`live.visibility.${r.visibility}`)}</p>
            </li>
          ))}
        </ul>
        <CommitmentList state={state} onlyFor={seat.participantId} />
      </Panel>
    </Page>
  );
}
