import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { LiveMessage } from "../../components/Alert";
import { Button } from "../../components/Button";
import { TextField } from "../../components/Field";
import { errorMessage, fieldErrorsOf } from "../../lib/errors";
import { PHASES, type CardPrompts, type CreateCardInput, type LibraryCard, type PhaseKey } from "./api";
import { TextAreaField } from "./TextAreaField";

export interface CardDraft {
  word: string;
  description: string;
  alt: string;
  tags: string;
  prompts: Record<PhaseKey, string>;
}

export function draftOf(card?: LibraryCard): CardDraft {
  return {
    word: card?.word ?? "",
    description: card?.description ?? "",
    alt: card?.alt ?? "",
    tags: card?.tags.join(", ") ?? "",
    prompts: { pause: card?.prompts.pause ?? "", expand: card?.prompts.expand ?? "", focus: card?.prompts.focus ?? "", do: card?.prompts.do ?? "" },
  };
}

/** The draft as the API wants it: empty prompts left out, tags split on commas. */
export function inputOf(draft: CardDraft): Required<Pick<CreateCardInput, "word" | "description" | "alt" | "tags" | "prompts">> {
  const prompts: CardPrompts = {};
  for (const phase of PHASES) if (draft.prompts[phase].trim()) prompts[phase] = draft.prompts[phase].trim();
  const tags = [...new Set(draft.tags.split(",").map((tag) => tag.trim()).filter(Boolean))];
  return { word: draft.word.trim(), description: draft.description.trim(), alt: draft.alt.trim(), tags, prompts };
}

export interface CardFormProps {
  initial?: LibraryCard;
  submitLabel: string;
  busy: boolean;
  error: unknown;
  success?: string;
  onSubmit: (draft: CardDraft) => void;
  onCancel?: () => void;
}

/** Word, description, alt text, tags and the four phase prompts of a card. */
export function CardForm({ initial, submitLabel, busy, error, success, onSubmit, onCancel }: CardFormProps) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<CardDraft>(() => draftOf(initial));
  const errors = fieldErrorsOf(error);
  const set = (patch: Partial<CardDraft>) => setDraft((d) => ({ ...d, ...patch }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit(draft);
  };
  return (
    <form onSubmit={submit} className="space-y-4">
      <TextField label={t("library.cardForm.word")} required maxLength={80} value={draft.word} onChange={(e) => set({ word: e.target.value })} error={errors.word} />
      <TextAreaField label={t("library.cardForm.description")} maxLength={1000} value={draft.description} onChange={(e) => set({ description: e.target.value })} error={errors.description} />
      <TextField label={t("library.cardForm.alt")} hint={t("library.cardForm.altHint")} maxLength={300} value={draft.alt} onChange={(e) => set({ alt: e.target.value })} error={errors.alt} />
      <TextField label={t("library.cardForm.tags")} hint={t("library.cardForm.tagsHint")} value={draft.tags} onChange={(e) => set({ tags: e.target.value })} error={errors.tags} />
      <fieldset className="space-y-3">
        <legend className="text-sm font-semibold">{t("library.cardForm.prompts")}</legend>
        {PHASES.map((phase) => (
          <TextAreaField
            key={phase}
            label={t(`library.phases.${phase}`)}
            maxLength={500}
            value={draft.prompts[phase]}
            onChange={(e) => set({ prompts: { ...draft.prompts, [phase]: e.target.value } })}
            error={errors[`prompts.${phase}`]}
          />
        ))}
      </fieldset>
      <LiveMessage tone="error">{error ? errorMessage(t, error) : null}</LiveMessage>
      <LiveMessage tone="success">{success ?? null}</LiveMessage>
      <div className="flex flex-wrap gap-2">
        <Button type="submit" busy={busy}>
          {submitLabel}
        </Button>
        {onCancel ? (
          <Button variant="secondary" onClick={onCancel} disabled={busy}>
            {t("common.cancel")}
          </Button>
        ) : null}
      </div>
    </form>
  );
}
