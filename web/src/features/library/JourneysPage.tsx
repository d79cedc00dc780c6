import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { LiveMessage } from "../../components/Alert";
import { Button, buttonClass } from "../../components/Button";
import { Page, PageLoading } from "../../components/Page";
import { errorMessage } from "../../lib/errors";
import { useJourneys, useLibraryAccess } from "./hooks";
import { totalMinutes } from "./journeyDraft";
import { useState } from "react";

export function JourneysPage() {
  const { t } = useTranslation();
  const { canEdit } = useLibraryAccess();
  const [showArchived, setShowArchived] = useState(false);
  const journeys = useJourneys(canEdit && showArchived);

  if (journeys.isPending) return <PageLoading />;
  return (
    <Page title={t("library.journeys.title")} lead={t("library.journeys.lead")} width="lg">
      <nav aria-label={t("library.sections")} className="flex flex-wrap gap-2">
        <Link to="/library" className={buttonClass("secondary")}>
          {t("library.cardsAndDecks")}
        </Link>
        <Link to="/library/journeys" aria-current="page" className={buttonClass("primary")}>
          {t("library.journeys.title")}
        </Link>
      </nav>
      <div className="flex flex-wrap items-center gap-3">
        {canEdit ? (
          <Link to="/library/journeys/new" className={buttonClass("secondary")}>
            {t("library.journeys.new")}
          </Link>
        ) : null}
        {canEdit ? (
          <label className="inline-flex min-h-11 items-center gap-2">
            <input type="checkbox" checked={showArchived} onChange={(e) => setShowArchived(e.target.checked)} />
            {t("library.showArchived")}
          </label>
        ) : null}
      </div>
      {journeys.error ? (
        <div className="space-y-2">
          <LiveMessage tone="error">{errorMessage(t, journeys.error)}</LiveMessage>
          <Button variant="secondary" onClick={() => void journeys.refetch()}>
            {t("common.retry")}
          </Button>
        </div>
      ) : (
        <ul className="grid gap-3 md:grid-cols-2">
          {journeys.data.map((j) => (
            <li key={j.id}>
              <Link to={`/library/journeys/${j.id}`} className="block h-full space-y-1 rounded-xl border border-stone-300 bg-white p-4 hover:border-brand-700 dark:border-stone-700 dark:bg-stone-900 dark:hover:border-brand-300">
                <span className="block font-semibold">{j.name}</span>
                <span className="block text-sm text-stone-700 dark:text-stone-300">
                  {t(`library.audiences.${j.audience}`)} · {t("library.journeys.minutes", { minutes: totalMinutes(j) })} · {j.phases.map((p) => p.name).join(" → ")}
                </span>
                <span className="block text-sm text-stone-700 dark:text-stone-300">
                  {j.readOnly ? t("library.decks.studioDefault") : t("library.decks.yourOrg")}
                  {j.archived ? ` · ${t("library.archived")}` : ""}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </Page>
  );
}
