import { useId } from "react";
import { useTranslation } from "react-i18next";
import { SelectField, TextField } from "../../components/Field";
import { PHASES, SEARCH_MODES, type LibraryDeck, type SearchMode } from "./api";

export interface LibraryFilters {
  q: string;
  mode: SearchMode;
  deck: string;
  tag: string;
  phase: string;
}

export interface SearchControlsProps {
  filters: LibraryFilters;
  decks: readonly LibraryDeck[];
  tags: readonly string[];
  onChange: (patch: Partial<LibraryFilters>) => void;
}

/** The search box, how to search, and the deck / tag / phase filters. */
export function SearchControls({ filters, decks, tags, onChange }: SearchControlsProps) {
  const { t } = useTranslation();
  const modeName = useId();
  return (
    <div className="space-y-4" role="search" aria-label={t("library.search.region")}>
      <TextField
        type="search"
        label={t("library.search.label")}
        hint={t("library.search.hint")}
        value={filters.q}
        maxLength={500}
        autoComplete="off"
        onChange={(e) => onChange({ q: e.target.value })}
      />
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium">{t("library.search.mode")}</legend>
        <div className="flex flex-wrap gap-2">
          {SEARCH_MODES.map((mode) => (
            <label
              key={mode}
              className="inline-flex min-h-11 cursor-pointer items-center gap-2 rounded-lg border border-stone-400 px-3 has-[:checked]:border-brand-700 has-[:checked]:bg-brand-50 dark:border-stone-500 dark:has-[:checked]:border-brand-300 dark:has-[:checked]:bg-brand-900"
            >
              <input type="radio" name={modeName} value={mode} checked={filters.mode === mode} onChange={() => onChange({ mode })} />
              <span>{t(`library.search.modes.${mode}`)}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <div className="grid gap-3 sm:grid-cols-3">
        <SelectField
          label={t("library.filters.deck")}
          value={filters.deck}
          onChange={(e) => onChange({ deck: e.target.value })}
          options={[{ value: "", label: t("library.filters.allDecks") }, ...decks.map((d) => ({ value: d.id, label: d.name }))]}
        />
        <SelectField
          label={t("library.filters.tag")}
          value={filters.tag}
          onChange={(e) => onChange({ tag: e.target.value })}
          options={[{ value: "", label: t("library.filters.anyTag") }, ...tags.map((tag) => ({ value: tag, label: tag }))]}
        />
        <SelectField
          label={t("library.filters.phase")}
          hint={t("library.filters.phaseHint")}
          value={filters.phase}
          onChange={(e) => onChange({ phase: e.target.value })}
          options={[{ value: "", label: t("library.filters.anyPhase") }, ...PHASES.map((p) => ({ value: p, label: t(`library.phases.${p}`) }))]}
        />
      </div>
    </div>
  );
}
