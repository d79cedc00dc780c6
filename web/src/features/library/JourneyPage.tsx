import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router";
import { LiveMessage } from "../../components/Alert";
import { Button, buttonClass } from "../../components/Button";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { Page, PageLoading } from "../../components/Page";
import { errorMessage } from "../../lib/errors";
import { libraryApi, type LibraryJourney } from "./api";
import { useDecks, useInvalidateLibrary, useJourney, useLibraryAccess } from "./hooks";
import { totalMinutes } from "./journeyDraft";

export function JourneyPage() {
  const { t } = useTranslation();
  const { journeyId = "" } = useParams();
  const { canEdit } = useLibraryAccess();
  const journey = useJourney(journeyId);
  const decks = useDecks();

  if (journey.isPending) return <PageLoading />;
  if (journey.error) {
    return (
      <Page title={t("library.journeys.notFound")}>
        <LiveMessage tone="error">{errorMessage(t, journey.error)}</LiveMessage>
        <Link to="/library/journeys" className="underline">
          {t("library.journeys.back")}
        </Link>
      </Page>
    );
  }
  const j = journey.data;
  const deckName = (id: string | null | undefined) => (id ? (decks.data?.find((d) => d.id === id)?.name ?? t("library.journeys.unknownDeck")) : null);
  const lead = [t(`library.audiences.${j.audience}`), t("library.journeys.minutes", { minutes: totalMinutes(j) }), j.readOnly ? t("library.decks.studioDefault") : t("library.decks.yourOrg"), j.archived ? t("library.archived") : ""].filter(Boolean).join(" · ");

  return (
    <Page title={j.name} lead={lead} width="lg">
      <Link to="/library/journeys" className="inline-flex min-h-11 items-center underline">
        {t("library.journeys.back")}
      </Link>
      {j.description ? <p>{j.description}</p> : null}
      {canEdit ? <JourneyActions journey={j} /> : <p>{t("library.readOnlyMember")}</p>}
      <ol className="space-y-6">
        {j.phases.map((phase, pi) => (
          <li key={pi} className="space-y-3">
            <section aria-labelledby={`phase-${pi}`} className="space-y-3 rounded-xl border border-stone-300 bg-white p-4 sm:p-6 dark:border-stone-700 dark:bg-stone-900">
              <h2 id={`phase-${pi}`} className="text-xl font-semibold">
                {pi + 1}. {phase.name}
              </h2>
              <p className="text-stone-700 dark:text-stone-300">{phase.purpose}</p>
              <ol className="space-y-4">
                {phase.steps.map((step) => (
                  <li key={step.id} className="space-y-2 border-s-4 border-brand-700 ps-4 dark:border-brand-300">
                    <h3 className="font-semibold">
                      {step.title} <span className="font-normal text-stone-700 dark:text-stone-300">· {t("library.journeys.minutes", { minutes: Math.round(step.durationSeconds / 60) })}</span>
                    </h3>
                    {step.deckId ? (
                      <p className="text-sm">
                        {t("library.journeys.cardsStep", { n: step.cardCount ?? 1, deck: deckName(step.deckId), mode: t(`library.drawModes.${step.drawMode ?? "face-up"}`) })}
                      </p>
                    ) : null}
                    <dl className="grid gap-2 text-sm sm:grid-cols-2">
                      <div>
                        <dt className="font-medium">{t("library.journeyEditor.facilitator")}</dt>
                        <dd>{step.instructions.facilitator}</dd>
                      </div>
                      <div>
                        <dt className="font-medium">{t("library.journeyEditor.participant")}</dt>
                        <dd>{step.instructions.participant}</dd>
                      </div>
                    </dl>
                    {step.prompts.length > 0 ? (
                      <ul className="list-disc space-y-1 ps-5 text-sm" aria-label={t("library.journeys.promptsOf", { step: step.title })}>
                        {step.prompts.map((p, i) => (
                          <li key={i}>{p}</li>
                        ))}
                      </ul>
                    ) : null}
                  </li>
                ))}
              </ol>
            </section>
          </li>
        ))}
      </ol>
    </Page>
  );
}

function JourneyActions({ journey }: { journey: LibraryJourney }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const invalidate = useInvalidateLibrary();
  const [confirming, setConfirming] = useState(false);
  const copy = useMutation({
    mutationFn: () => libraryApi.copyJourney(journey.id),
    onSuccess: async (copied) => {
      await invalidate();
      await navigate(`/library/journeys/${copied.id}/edit`, { state: { flash: t("library.journeys.copied", { name: copied.name }) } });
    },
  });
  const archive = useMutation({
    mutationFn: (archived: boolean) => libraryApi.setJourneyArchived(journey.id, archived),
    onSuccess: async () => {
      setConfirming(false);
      await invalidate();
    },
  });
  const error = copy.error ?? archive.error;
  return (
    <div className="space-y-2">
      {journey.readOnly ? <p>{t("library.journeys.readOnly")}</p> : null}
      <LiveMessage tone="error">{error ? errorMessage(t, error) : null}</LiveMessage>
      <div className="flex flex-wrap gap-2">
        {journey.readOnly ? (
          <Button busy={copy.isPending} onClick={() => copy.mutate()}>
            {t("library.journeys.copyToEdit")}
          </Button>
        ) : (
          <>
            {!journey.archived ? (
              <Link to={`/library/journeys/${journey.id}/edit`} className={buttonClass("primary")}>
                {t("library.journeys.edit")}
              </Link>
            ) : null}
            <Button variant="secondary" busy={copy.isPending} onClick={() => copy.mutate()}>
              {t("library.journeys.duplicate")}
            </Button>
            {journey.archived ? (
              <Button variant="secondary" busy={archive.isPending} onClick={() => archive.mutate(false)}>
                {t("library.journeys.restore")}
              </Button>
            ) : (
              <Button variant="danger" onClick={() => setConfirming(true)}>
                {t("library.journeys.archive")}
              </Button>
            )}
          </>
        )}
      </div>
      <ConfirmDialog
        open={confirming}
        title={t("library.journeys.archiveTitle", { name: journey.name })}
        confirmLabel={t("library.journeys.archive")}
        busy={archive.isPending}
        onConfirm={() => archive.mutate(true)}
        onCancel={() => setConfirming(false)}
      >
        <p>{t("library.journeys.archiveText")}</p>
      </ConfirmDialog>
    </div>
  );
}
