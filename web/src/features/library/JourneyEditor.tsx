import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { LiveMessage } from "../../components/Alert";
import { Button } from "../../components/Button";
import { SelectField, TextField } from "../../components/Field";
import { errorMessage, fieldErrorsOf } from "../../lib/errors";
import { PHASES, type LibraryDeck } from "./api";
import { AUDIENCES, blankPhase, blankStep, cleanJourney, moveIn, totalMinutes, type JourneyAudience, type JourneyInput, type JourneyPhaseInput, type PhaseKey } from "./journeyDraft";
import { JourneyStepEditor } from "./JourneyStepEditor";
import { TextAreaField } from "./TextAreaField";

export interface JourneyEditorProps {
  initial: JourneyInput;
  decks: readonly LibraryDeck[];
  busy: boolean;
  error: unknown;
  submitLabel: string;
  onSave: (input: JourneyInput) => void;
  onCancel: () => void;
}

/** Name, audience and the ordered phases and steps of a journey. */
export function JourneyEditor({ initial, decks, busy, error, submitLabel, onSave, onCancel }: JourneyEditorProps) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<JourneyInput>(initial);
  const [announcement, setAnnouncement] = useState("");
  const errors = fieldErrorsOf(error);
  const label = (key: string) => t(`library.journeyEditor.${key}`);

  const setPhase = (index: number, phase: JourneyPhaseInput) => setDraft((d) => ({ ...d, phases: d.phases.map((p, i) => (i === index ? phase : p)) }));
  const movePhase = (index: number, by: -1 | 1) => {
    setDraft((d) => ({ ...d, phases: moveIn(d.phases, index, index + by) }));
    setAnnouncement(t("library.journeyEditor.phaseMoved", { name: draft.phases[index].name, position: index + by + 1 }));
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSave(cleanJourney(draft));
  };

  return (
    <form onSubmit={submit} className="space-y-6">
      <div className="space-y-4">
        <TextField label={label("name")} required maxLength={120} value={draft.name} onChange={(e) => setDraft({ ...draft, name: e.target.value })} error={errors.name} />
        <TextAreaField label={label("description")} maxLength={2000} value={draft.description} onChange={(e) => setDraft({ ...draft, description: e.target.value })} error={errors.description} />
        <SelectField
          label={label("audience")}
          value={draft.audience}
          onChange={(e) => setDraft({ ...draft, audience: e.target.value as JourneyAudience })}
          options={AUDIENCES.map((a) => ({ value: a, label: t(`library.audiences.${a}`) }))}
        />
        <p className="text-sm text-stone-700 dark:text-stone-300">{t("library.journeys.minutes", { minutes: totalMinutes(draft) })}</p>
      </div>
      <div role="status" aria-live="polite" className="sr-only">
        {announcement}
      </div>
      <ol className="space-y-6">
        {draft.phases.map((phase, pi) => {
          const path = `phases.${pi}`;
          const phaseName = phase.name || t("library.journeyEditor.phaseN", { number: pi + 1 });
          return (
            <li key={pi}>
              <fieldset className="space-y-4 rounded-xl border border-stone-300 bg-white p-4 dark:border-stone-700 dark:bg-stone-900">
                <legend className="px-1 font-semibold">{t("library.journeyEditor.phaseN", { number: pi + 1 })}</legend>
                <div className="grid gap-3 sm:grid-cols-2">
                  <TextField label={label("phaseName")} required maxLength={80} value={phase.name} onChange={(e) => setPhase(pi, { ...phase, name: e.target.value })} error={errors[`${path}.name`]} />
                  <SelectField
                    label={label("phaseKind")}
                    value={phase.key ?? ""}
                    onChange={(e) => setPhase(pi, { ...phase, key: (e.target.value || undefined) as PhaseKey | undefined })}
                    options={[{ value: "", label: label("customPhase") }, ...PHASES.map((p) => ({ value: p, label: t(`library.phases.${p}`) }))]}
                  />
                </div>
                <TextAreaField label={label("purpose")} required maxLength={500} value={phase.purpose} onChange={(e) => setPhase(pi, { ...phase, purpose: e.target.value })} error={errors[`${path}.purpose`]} />
                {phase.steps.map((step, si) => (
                  <JourneyStepEditor
                    key={si}
                    step={step}
                    number={`${pi + 1}.${si + 1}`}
                    path={`${path}.steps.${si}`}
                    errors={errors}
                    decks={decks}
                    canMoveEarlier={si > 0}
                    canMoveLater={si < phase.steps.length - 1}
                    canRemove={phase.steps.length > 1}
                    onChange={(next) => setPhase(pi, { ...phase, steps: phase.steps.map((s, i) => (i === si ? next : s)) })}
                    onMove={(by) => setPhase(pi, { ...phase, steps: moveIn(phase.steps, si, si + by) })}
                    onRemove={() => setPhase(pi, { ...phase, steps: phase.steps.filter((_, i) => i !== si) })}
                  />
                ))}
                <div className="flex flex-wrap gap-2">
                  <Button variant="secondary" disabled={phase.steps.length >= 20} onClick={() => setPhase(pi, { ...phase, steps: [...phase.steps, blankStep()] })}>
                    {t("library.journeyEditor.addStepTo", { name: phaseName })}
                  </Button>
                  <Button variant="ghost" disabled={pi === 0} onClick={() => movePhase(pi, -1)} aria-label={t("library.journeyEditor.moveEarlierNamed", { name: phaseName })}>
                    {label("moveEarlier")}
                  </Button>
                  <Button variant="ghost" disabled={pi === draft.phases.length - 1} onClick={() => movePhase(pi, 1)} aria-label={t("library.journeyEditor.moveLaterNamed", { name: phaseName })}>
                    {label("moveLater")}
                  </Button>
                  <Button
                    variant="ghost"
                    disabled={draft.phases.length <= 1}
                    onClick={() => setDraft({ ...draft, phases: draft.phases.filter((_, i) => i !== pi) })}
                    aria-label={t("library.journeyEditor.removeNamed", { name: phaseName })}
                  >
                    {label("removePhase")}
                  </Button>
                </div>
              </fieldset>
            </li>
          );
        })}
      </ol>
      <Button variant="secondary" disabled={draft.phases.length >= 12} onClick={() => setDraft({ ...draft, phases: [...draft.phases, blankPhase()] })}>
        {label("addPhase")}
      </Button>
      <LiveMessage tone="error">{error ? errorMessage(t, error) : null}</LiveMessage>
      <div className="flex flex-wrap gap-2">
        <Button type="submit" busy={busy}>
          {submitLabel}
        </Button>
        <Button variant="secondary" onClick={onCancel} disabled={busy}>
          {t("common.cancel")}
        </Button>
      </div>
    </form>
  );
}
