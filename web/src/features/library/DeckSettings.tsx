import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { LiveMessage } from "../../components/Alert";
import { Button } from "../../components/Button";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { TextField } from "../../components/Field";
import { Panel } from "../../components/Page";
import { errorMessage, fieldErrorsOf } from "../../lib/errors";
import { libraryApi, type LibraryDeck } from "./api";
import { useInvalidateLibrary } from "./hooks";
import { TextAreaField } from "./TextAreaField";

/** Rename, describe, archive or restore an organisation's deck. */
export function DeckSettings({ deck }: { deck: LibraryDeck }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const invalidate = useInvalidateLibrary();
  const [name, setName] = useState(deck.name);
  const [description, setDescription] = useState(deck.description ?? "");
  const [confirming, setConfirming] = useState(false);

  const save = useMutation({
    mutationFn: () => libraryApi.updateDeck(deck.id, { name, description: description.trim() }),
    onSuccess: () => invalidate(),
  });
  const archive = useMutation({
    mutationFn: (archived: boolean) => libraryApi.setDeckArchived(deck.id, archived),
    onSuccess: async (updated) => {
      setConfirming(false);
      await invalidate();
      if (updated.archived) await navigate("/library", { state: { flash: t("library.deck.archivedFlash", { name: updated.name }) } });
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  const errors = fieldErrorsOf(save.error);
  return (
    <Panel title={t("library.deck.settings")}>
      <form onSubmit={submit} className="space-y-4">
        <TextField label={t("library.decks.name")} required maxLength={120} value={name} onChange={(e) => setName(e.target.value)} error={errors.name} />
        <TextAreaField label={t("library.decks.description")} maxLength={1000} value={description} onChange={(e) => setDescription(e.target.value)} error={errors.description} />
        <LiveMessage tone="error">{save.error ? errorMessage(t, save.error) : null}</LiveMessage>
        <LiveMessage tone="success">{save.isSuccess ? t("library.deck.saved") : null}</LiveMessage>
        <Button type="submit" busy={save.isPending}>
          {t("library.deck.save")}
        </Button>
      </form>
      <div className="space-y-2 border-t border-stone-300 pt-4 dark:border-stone-700">
        <LiveMessage tone="error">{archive.error ? errorMessage(t, archive.error) : null}</LiveMessage>
        {deck.archived ? (
          <Button variant="secondary" busy={archive.isPending} onClick={() => archive.mutate(false)}>
            {t("library.deck.restore")}
          </Button>
        ) : (
          <Button variant="danger" onClick={() => setConfirming(true)}>
            {t("library.deck.archive")}
          </Button>
        )}
      </div>
      <ConfirmDialog
        open={confirming}
        title={t("library.deck.archiveTitle", { name: deck.name })}
        confirmLabel={t("library.deck.archive")}
        busy={archive.isPending}
        onConfirm={() => archive.mutate(true)}
        onCancel={() => setConfirming(false)}
      >
        <p>{t("library.deck.archiveText")}</p>
      </ConfirmDialog>
    </Panel>
  );
}
