import { useMutation } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router";
import { LiveMessage } from "../../components/Alert";
import { Page, PageLoading } from "../../components/Page";
import { errorMessage } from "../../lib/errors";
import { libraryApi, PHASES, type JourneyInput, type PhaseKey } from "./api";
import { useDecks, useInvalidateLibrary, useJourney, useLibraryAccess } from "./hooks";
import { blankJourney, inputFromJourney } from "./journeyDraft";
import { JourneyEditor } from "./JourneyEditor";

/** `/library/journeys/new` and `/library/journeys/:journeyId/edit`. */
export function JourneyEditPage() {
  const { t } = useTranslation();
  const { journeyId } = useParams();
  const navigate = useNavigate();
  const invalidate = useInvalidateLibrary();
  const { canEdit } = useLibraryAccess();
  const journey = useJourney(journeyId ?? "");
  const decks = useDecks();
  const creating = !journeyId;

  const save = useMutation({
    mutationFn: (input: JourneyInput) => (journeyId ? libraryApi.replaceJourney(journeyId, input) : libraryApi.createJourney(input)),
    onSuccess: async (saved) => {
      await invalidate();
      await navigate(`/library/journeys/${saved.id}`, { state: { flash: t("library.journeys.saved", { name: saved.name }) } });
    },
  });

  const title = creating ? t("library.journeys.new") : t("library.journeys.editTitle", { name: journey.data?.name ?? "" });
  if (!canEdit || journey.data?.readOnly) {
    return (
      <Page title={title}>
        <p>{journey.data?.readOnly ? t("library.journeys.readOnly") : t("library.readOnlyMember")}</p>
        <Link to={journeyId ? `/library/journeys/${journeyId}` : "/library/journeys"} className="underline">
          {t("library.journeys.back")}
        </Link>
      </Page>
    );
  }
  if ((!creating && journey.isPending) || decks.isPending) return <PageLoading />;
  if (!creating && journey.error) {
    return (
      <Page title={t("library.journeys.notFound")}>
        <LiveMessage tone="error">{errorMessage(t, journey.error)}</LiveMessage>
      </Page>
    );
  }
  const phaseNames = Object.fromEntries(PHASES.map((p) => [p, t(`library.phases.${p}`)])) as Record<PhaseKey, string>;
  const initial = journey.data ? inputFromJourney(journey.data) : blankJourney(phaseNames);

  return (
    <Page title={title} width="lg">
      <JourneyEditor
        key={journey.data?.id ?? "new"}
        initial={initial}
        decks={decks.data ?? []}
        busy={save.isPending}
        error={save.error}
        submitLabel={creating ? t("library.journeys.create") : t("library.journeys.save")}
        onSave={(input) => save.mutate(input)}
        onCancel={() => void navigate(journeyId ? `/library/journeys/${journeyId}` : "/library/journeys")}
      />
    </Page>
  );
}
