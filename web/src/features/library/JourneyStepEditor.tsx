import { useTranslation } from "react-i18next";
import { Button } from "../../components/Button";
import { SelectField, TextField } from "../../components/Field";
import type { LibraryDeck } from "./api";
import { DRAW_MODES, type DrawMode, type JourneyStepInput } from "./journeyDraft";
import { TextAreaField } from "./TextAreaField";

export interface StepEditorProps {
  step: JourneyStepInput;
  /** "2.1": phase and step number, used in labels so repeated fields stay distinguishable. */
  number: string;
  path: string;
  errors: Record<string, string>;
  decks: readonly LibraryDeck[];
  canMoveEarlier: boolean;
  canMoveLater: boolean;
  canRemove: boolean;
  onChange: (step: JourneyStepInput) => void;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
}

export function JourneyStepEditor({ step, number, path, errors, decks, canMoveEarlier, canMoveLater, canRemove, onChange, onMove, onRemove }: StepEditorProps) {
  const { t } = useTranslation();
  const set = (patch: Partial<JourneyStepInput>) => onChange({ ...step, ...patch });
  const label = (key: string) => t(`library.journeyEditor.${key}`);
  const name = step.title || t("library.journeyEditor.stepN", { number });
  return (
    <fieldset className="space-y-3 rounded-lg border border-stone-300 p-3 dark:border-stone-700">
      <legend className="px-1 text-sm font-semibold">{t("library.journeyEditor.stepN", { number })}</legend>
      <TextField label={label("stepTitle")} required maxLength={120} value={step.title} onChange={(e) => set({ title: e.target.value })} error={errors[`${path}.title`]} />
      <TextAreaField
        label={label("facilitator")}
        required
        maxLength={2000}
        value={step.instructions.facilitator}
        onChange={(e) => set({ instructions: { ...step.instructions, facilitator: e.target.value } })}
        error={errors[`${path}.instructions.facilitator`]}
      />
      <TextAreaField
        label={label("participant")}
        required
        maxLength={2000}
        value={step.instructions.participant}
        onChange={(e) => set({ instructions: { ...step.instructions, participant: e.target.value } })}
        error={errors[`${path}.instructions.participant`]}
      />
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField
          label={label("minutes")}
          type="number"
          inputMode="numeric"
          min={0}
          max={1440}
          step={1}
          value={String(Math.round(step.durationSeconds / 60))}
          onChange={(e) => set({ durationSeconds: Math.max(0, Math.min(1440, Math.round(Number(e.target.value) || 0))) * 60 })}
          error={errors[`${path}.durationSeconds`]}
        />
        <SelectField
          label={label("deck")}
          value={step.deckId ?? ""}
          onChange={(e) => set({ deckId: e.target.value || null })}
          options={[{ value: "", label: label("noCards") }, ...decks.map((d) => ({ value: d.id, label: d.name }))]}
        />
      </div>
      {step.deckId ? (
        <div className="grid gap-3 sm:grid-cols-2">
          <SelectField
            label={label("drawMode")}
            value={step.drawMode ?? "face-up"}
            onChange={(e) => set({ drawMode: e.target.value as DrawMode })}
            options={DRAW_MODES.map((m) => ({ value: m, label: t(`library.drawModes.${m}`) }))}
          />
          <TextField
            label={label("cardCount")}
            type="number"
            inputMode="numeric"
            min={0}
            max={60}
            value={String(step.cardCount ?? 1)}
            onChange={(e) => set({ cardCount: Math.max(0, Math.min(60, Math.round(Number(e.target.value) || 0))) })}
            error={errors[`${path}.cardCount`]}
          />
        </div>
      ) : null}
      <TextAreaField
        label={label("prompts")}
        hint={label("promptsHint")}
        rows={3}
        value={step.prompts.join("\n")}
        onChange={(e) => set({ prompts: e.target.value.split("\n") })}
        error={errors[`${path}.prompts`]}
      />
      <div className="flex flex-wrap gap-2">
        <Button variant="ghost" disabled={!canMoveEarlier} onClick={() => onMove(-1)} aria-label={t("library.journeyEditor.moveEarlierNamed", { name })}>
          {t("library.journeyEditor.moveEarlier")}
        </Button>
        <Button variant="ghost" disabled={!canMoveLater} onClick={() => onMove(1)} aria-label={t("library.journeyEditor.moveLaterNamed", { name })}>
          {t("library.journeyEditor.moveLater")}
        </Button>
        <Button variant="ghost" disabled={!canRemove} onClick={onRemove} aria-label={t("library.journeyEditor.removeNamed", { name })}>
          {t("library.journeyEditor.removeStep")}
        </Button>
      </div>
    </fieldset>
  );
}
