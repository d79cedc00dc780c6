import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { LiveMessage } from "../../components/Alert";
import { Button } from "../../components/Button";
import { Page, PageLoading, Panel } from "../../components/Page";
import { errorMessage } from "../../lib/errors";
import { formatDate } from "../../lib/format";
import { sessionKeys, sessionsApi } from "./api";
import { formatDue } from "./live/Feed";

/** Every session I took part in: what I wrote, the cards I held, what I committed to. */
export function JournalPage() {
  const { t, i18n } = useTranslation();
  const journal = useQuery({ queryKey: sessionKeys.journal, queryFn: sessionsApi.journal });
  if (journal.isPending) return <PageLoading />;
  return (
    <Page title={t("journal.title")} lead={t("journal.lead")}>
      {journal.error ? (
        <div className="space-y-2">
          <LiveMessage tone="error">{errorMessage(t, journal.error)}</LiveMessage>
          <Button variant="secondary" onClick={() => void journal.refetch()}>
            {t("common.retry")}
          </Button>
        </div>
      ) : journal.data.length === 0 ? (
        <p>{t("journal.empty")}</p>
      ) : (
        journal.data.map((entry) => (
          <Panel key={entry.sessionId} title={`${entry.title} · ${formatDate(entry.at, i18n.language)}`}>
            {entry.cards.length > 0 ? (
              <ul className="flex flex-wrap gap-3" aria-label={t("journal.cards")}>
                {entry.cards.map((c) => (
                  <li key={c.cardId} className="w-24 text-center text-sm">
                    {c.imageUrl ? <img src={c.imageUrl} alt="" className="aspect-[2/3] w-24 rounded-lg object-cover" /> : null}
                    <span className="font-semibold">{c.word ?? ""}</span>
                  </li>
                ))}
              </ul>
            ) : null}
            <h3 className="font-semibold">{t("journal.reflections")}</h3>
            {entry.reflections.length === 0 ? <p className="text-sm">{t("journal.noReflections")}</p> : null}
            <ul className="space-y-2">
              {entry.reflections.map((r, i) => (
                <li key={`${i}-${r.at}`}>
                  <p className="whitespace-pre-wrap">{r.text}</p>
                  <p className="text-xs text-stone-600 dark:text-stone-400">{t(`live.visibility.${r.visibility}`)}</p>
                </li>
              ))}
            </ul>
            <h3 className="font-semibold">{t("journal.commitments")}</h3>
            {entry.commitments.length === 0 ? <p className="text-sm">{t("journal.noCommitments")}</p> : null}
            <ul className="space-y-1">
              {entry.commitments.map((c) => (
                <li key={c.id}>
                  {c.text}
                  {c.due ? <span className="text-sm text-stone-600 dark:text-stone-400"> · {t("live.commitments.due", { when: formatDue(c.due, i18n.language) })}</span> : null}
                </li>
              ))}
            </ul>
          </Panel>
        ))
      )}
    </Page>
  );
}
