import { useMutation } from "@tanstack/react-query";
import { useState, type ChangeEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router";
import { LiveMessage } from "../../components/Alert";
import { Button } from "../../components/Button";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { Page, PageLoading, Panel } from "../../components/Page";
import { errorMessage } from "../../lib/errors";
import { libraryApi, PHASES, type LibraryCard } from "./api";
import { CardForm, inputOf } from "./CardForm";
import { CardImage } from "./CardTile";
import { useCard, useDeck, useInvalidateLibrary, useLibraryAccess, useRememberCard } from "./hooks";
import { IMAGE_TYPES, MAX_IMAGE_BYTES } from "./UploadPanel";
import { uploadForm } from "./upload";

export function CardPage() {
  const { t } = useTranslation();
  const { cardId = "" } = useParams();
  const { canEdit } = useLibraryAccess();
  const card = useCard(cardId);
  const deck = useDeck(card.data?.deckId ?? "");
  const [editing, setEditing] = useState(false);

  if (card.isPending) return <PageLoading />;
  if (card.error) {
    return (
      <Page title={t("library.card.notFound")}>
        <LiveMessage tone="error">{errorMessage(t, card.error)}</LiveMessage>
        <Link to="/library" className="underline">
          {t("library.backToLibrary")}
        </Link>
      </Page>
    );
  }
  const c = card.data;
  const editable = canEdit && !c.readOnly;
  const prompts = PHASES.filter((p) => c.prompts[p]);

  return (
    <Page title={c.word} lead={deck.data ? t("library.card.inDeck", { deck: deck.data.name }) : undefined} width="lg">
      <Link to={`/library/decks/${c.deckId}`} className="inline-flex min-h-11 items-center underline">
        {deck.data ? t("library.card.backToDeck", { deck: deck.data.name }) : t("library.backToLibrary")}
      </Link>
      {c.archived ? <p className="font-medium">{t("library.card.isArchived")}</p> : null}
      <div className="grid gap-6 md:grid-cols-[minmax(0,2fr)_minmax(0,3fr)]">
        <div>
          <CardImage card={c} size="large" />
        </div>
        <div className="space-y-4">
          {c.description ? <p className="text-lg">{c.description}</p> : null}
          {prompts.length > 0 ? (
            <section aria-labelledby="card-prompts" className="space-y-3">
              <h2 id="card-prompts" className="text-lg font-semibold">
                {t("library.card.prompts")}
              </h2>
              <dl className="space-y-3">
                {prompts.map((phase) => (
                  <div key={phase} className="rounded-lg border-s-4 border-brand-700 bg-white px-4 py-2 dark:border-brand-300 dark:bg-stone-900">
                    <dt className="text-sm font-semibold uppercase tracking-wide text-brand-800 dark:text-brand-300">{t(`library.phases.${phase}`)}</dt>
                    <dd>{c.prompts[phase]}</dd>
                  </div>
                ))}
              </dl>
            </section>
          ) : null}
          {c.tags.length > 0 ? (
            <section aria-labelledby="card-tags" className="space-y-2">
              <h2 id="card-tags" className="text-lg font-semibold">
                {t("library.card.tags")}
              </h2>
              <ul className="flex flex-wrap gap-2">
                {c.tags.map((tag) => (
                  <li key={tag}>
                    <Link to={`/library?tag=${encodeURIComponent(tag)}&deck=${c.deckId}`} className="inline-flex min-h-11 items-center rounded-full border border-stone-400 px-3 text-sm hover:bg-stone-100 dark:border-stone-500 dark:hover:bg-stone-800">
                      {tag}
                    </Link>
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
          {editable && !editing ? (
            <Button variant="secondary" onClick={() => setEditing(true)}>
              {t("library.card.edit")}
            </Button>
          ) : null}
        </div>
      </div>
      {editable && editing ? <EditCard card={c} onDone={() => setEditing(false)} /> : null}
      {editable ? <ReplaceImage card={c} /> : null}
      {editable ? <ArchiveCard card={c} /> : null}
    </Page>
  );
}

function EditCard({ card, onDone }: { card: LibraryCard; onDone: () => void }) {
  const { t } = useTranslation();
  const invalidate = useInvalidateLibrary();
  const remember = useRememberCard();
  const save = useMutation({
    mutationFn: (input: ReturnType<typeof inputOf>) => libraryApi.updateCard(card.id, input),
    onSuccess: async (updated) => {
      remember(updated);
      onDone();
      await invalidate();
    },
  });
  return (
    <Panel title={t("library.card.edit")}>
      <CardForm initial={card} submitLabel={t("library.card.save")} busy={save.isPending} error={save.error} onSubmit={(d) => save.mutate(inputOf(d))} onCancel={onDone} />
    </Panel>
  );
}

function ReplaceImage({ card }: { card: LibraryCard }) {
  const { t } = useTranslation();
  const invalidate = useInvalidateLibrary();
  const remember = useRememberCard();
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState("");
  const [done, setDone] = useState(false);

  const onPick = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = "";
    if (!file) return;
    setDone(false);
    setError("");
    if (!IMAGE_TYPES.includes(file.type)) return setError(t("library.upload.wrongType"));
    if (file.size > MAX_IMAGE_BYTES) return setError(t("library.upload.tooLarge"));
    const form = new FormData();
    form.append("image", file, file.name);
    setProgress(0);
    try {
      const updated = await uploadForm<LibraryCard>(`/api/cards/${card.id}/image`, form, { method: "PUT", onProgress: ({ loaded, total }) => setProgress(Math.round((loaded / total) * 100)) });
      remember(updated);
      setDone(true);
      await invalidate();
    } catch (err) {
      setError(errorMessage(t, err));
    } finally {
      setProgress(null);
    }
  };
  return (
    <Panel title={t("library.card.replaceImage")}>
      <label className="block space-y-1">
        <span className="block text-sm font-medium">{t("library.card.chooseImage")}</span>
        <input type="file" accept={IMAGE_TYPES.join(",")} disabled={progress !== null} onChange={(e) => void onPick(e)} className="block max-w-full text-sm" />
      </label>
      {progress !== null ? (
        <progress className="w-full" max={100} value={progress} aria-label={t("library.card.imageProgress")}>
          {progress}%
        </progress>
      ) : null}
      <LiveMessage tone="error">{error || null}</LiveMessage>
      <LiveMessage tone="success">{done ? t("library.card.imageReplaced") : null}</LiveMessage>
    </Panel>
  );
}

function ArchiveCard({ card }: { card: LibraryCard }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const invalidate = useInvalidateLibrary();
  const remember = useRememberCard();
  const [confirming, setConfirming] = useState(false);
  const archive = useMutation({
    mutationFn: (archived: boolean) => libraryApi.setCardArchived(card.id, archived),
    onSuccess: async (updated) => {
      setConfirming(false);
      remember(updated);
      await invalidate();
      if (updated.archived) await navigate(`/library/decks/${card.deckId}`, { state: { flash: t("library.card.archivedFlash", { word: card.word }) } });
    },
  });
  return (
    <div className="space-y-2">
      <LiveMessage tone="error">{archive.error ? errorMessage(t, archive.error) : null}</LiveMessage>
      {card.archived ? (
        <Button variant="secondary" busy={archive.isPending} onClick={() => archive.mutate(false)}>
          {t("library.card.restore")}
        </Button>
      ) : (
        <Button variant="danger" onClick={() => setConfirming(true)}>
          {t("library.card.archive")}
        </Button>
      )}
      <ConfirmDialog
        open={confirming}
        title={t("library.card.archiveTitle", { word: card.word })}
        confirmLabel={t("library.card.archive")}
        busy={archive.isPending}
        onConfirm={() => archive.mutate(true)}
        onCancel={() => setConfirming(false)}
      >
        <p>{t("library.card.archiveText")}</p>
      </ConfirmDialog>
    </div>
  );
}
