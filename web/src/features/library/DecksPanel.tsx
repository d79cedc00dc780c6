import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { LiveMessage } from "../../components/Alert";
import { Button } from "../../components/Button";
import { SelectField, TextField } from "../../components/Field";
import { Panel } from "../../components/Page";
import { errorMessage, fieldErrorsOf } from "../../lib/errors";
import { DECK_KINDS, libraryApi, type DeckKind, type LibraryDeck } from "./api";
import { useInvalidateLibrary, useLibraryAccess } from "./hooks";

export interface DecksPanelProps {
  decks: readonly LibraryDeck[];
  showArchived: boolean;
  onShowArchived: (show: boolean) => void;
}

export function DecksPanel({ decks, showArchived, onShowArchived }: DecksPanelProps) {
  const { t } = useTranslation();
  const { canEdit } = useLibraryAccess();
  const [creating, setCreating] = useState(false);
  return (
    <Panel title={t("library.decks.title")}>
      {decks.length === 0 ? <p>{t("library.decks.none")}</p> : null}
      <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
        {decks.map((deck) => (
          <li key={deck.id}>
            <Link
              to={`/library/decks/${deck.id}`}
              className="block h-full space-y-1 rounded-xl border border-stone-300 p-4 hover:border-brand-700 dark:border-stone-700 dark:hover:border-brand-300"
            >
              <span className="block font-semibold">{deck.name}</span>
              <span className="block text-sm text-stone-700 dark:text-stone-300">
                {t(`library.kinds.${deck.kind}`)} · {t("library.decks.cardCount", { n: deck.cardCount })}
              </span>
              <span className="block text-sm text-stone-700 dark:text-stone-300">
                {deck.readOnly ? t("library.decks.studioDefault") : t("library.decks.yourOrg")}
                {deck.archived ? ` · ${t("library.archived")}` : ""}
              </span>
            </Link>
          </li>
        ))}
      </ul>
      {canEdit ? (
        <div className="flex flex-wrap items-center gap-x-6 gap-y-2">
          {!creating ? (
            <Button variant="secondary" onClick={() => setCreating(true)}>
              {t("library.decks.new")}
            </Button>
          ) : null}
          <label className="inline-flex min-h-11 items-center gap-2">
            <input type="checkbox" checked={showArchived} onChange={(e) => onShowArchived(e.target.checked)} />
            {t("library.showArchived")}
          </label>
        </div>
      ) : null}
      {canEdit && creating ? <NewDeckForm onCancel={() => setCreating(false)} /> : null}
    </Panel>
  );
}

function NewDeckForm({ onCancel }: { onCancel: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const invalidate = useInvalidateLibrary();
  const [name, setName] = useState("");
  const [kind, setKind] = useState<DeckKind>("photo");
  const [description, setDescription] = useState("");
  const mutation = useMutation({
    mutationFn: () => libraryApi.createDeck({ name, kind, description: description.trim() || undefined }),
    onSuccess: async (deck) => {
      await invalidate();
      await navigate(`/library/decks/${deck.id}`, { state: { flash: t("library.decks.created", { name: deck.name }) } });
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    mutation.mutate();
  };
  const errors = fieldErrorsOf(mutation.error);
  return (
    <form onSubmit={submit} className="space-y-4 border-t border-stone-300 pt-4 dark:border-stone-700" aria-label={t("library.decks.new")}>
      <TextField label={t("library.decks.name")} required maxLength={120} value={name} onChange={(e) => setName(e.target.value)} error={errors.name} autoFocus />
      <SelectField
        label={t("library.decks.kind")}
        hint={t("library.decks.kindHint")}
        value={kind}
        onChange={(e) => setKind(e.target.value as DeckKind)}
        options={DECK_KINDS.map((k) => ({ value: k, label: t(`library.kinds.${k}`) }))}
      />
      <TextField label={t("library.decks.description")} maxLength={1000} value={description} onChange={(e) => setDescription(e.target.value)} error={errors.description} />
      <LiveMessage tone="error">{mutation.error ? errorMessage(t, mutation.error) : null}</LiveMessage>
      <div className="flex flex-wrap gap-2">
        <Button type="submit" busy={mutation.isPending}>
          {t("library.decks.create")}
        </Button>
        <Button variant="secondary" onClick={onCancel} disabled={mutation.isPending}>
          {t("common.cancel")}
        </Button>
      </div>
    </form>
  );
}
