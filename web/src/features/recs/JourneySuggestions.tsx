import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useSignedIn } from "../../app/session";
import { LiveMessage } from "../../components/Alert";
import { Button } from "../../components/Button";
import { TextField } from "../../components/Field";
import { recsApi, recsKeys } from "./api";

/**
 * Journey suggestions while a facilitator prepares a session: the group's goal in a sentence,
 * a few journeys with the reason for each, and one click to use one. It sits inside the
 * create-session form, so it has no form of its own (Enter in the goal asks for suggestions).
 */
export function JourneySuggestions({ selectedId, onPick }: { selectedId: string; onPick: (journeyId: string) => void }) {
  const { t } = useTranslation("recs");
  const { activeOrg } = useSignedIn();
  const orgId = activeOrg?.org.id ?? "none";
  const [draft, setDraft] = useState("");
  const [goal, setGoal] = useState("");
  const [picked, setPicked] = useState("");
  const suggestions = useQuery({ queryKey: recsKeys.journeys(orgId, goal), queryFn: () => recsApi.journeys(goal), enabled: goal.length > 0, refetchOnWindowFocus: false });
  const items = suggestions.data?.items ?? [];

  const ask = () => {
    const text = draft.trim();
    if (text) setGoal(text);
  };
  const pick = (item: (typeof items)[number]) => {
    onPick(item.journey.id);
    setPicked(item.journey.name);
    // Choosing a suggested journey teaches the recommender; losing that signal must not block the form.
    recsApi.feedback(item.recommendationId, "chosen", items.map((i) => i.recommendationId)).catch(() => undefined);
  };

  return (
    // Not a labelled region: its name would also match the form's "Journey" field by label.
    <div className="space-y-3 rounded-lg border border-stone-200 p-3 dark:border-stone-700">
      <h3 className="font-semibold">
        {t("journeys.title")}
      </h3>
      <TextField
        label={t("journeys.goal")}
        hint={t("journeys.goalHint")}
        value={draft}
        maxLength={500}
        onChange={(e) => setDraft(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === "Enter") {
            e.preventDefault();
            ask();
          }
        }}
      />
      <Button variant="secondary" busy={suggestions.isFetching} disabled={!draft.trim()} onClick={ask}>
        {t("journeys.suggest")}
      </Button>
      <LiveMessage tone="info">
        {suggestions.isFetching ? t("journeys.loading") : picked ? t("journeys.chosenAnnouncement", { name: picked }) : suggestions.data ? (items.length ? t("journeys.found", { count: items.length }) : t("journeys.empty")) : ""}
      </LiveMessage>
      <LiveMessage tone="error">{suggestions.error ? t("journeys.failed") : null}</LiveMessage>
      {items.length ? (
        <ul className="space-y-2" aria-label={t("journeys.title")}>
          {items.map((item) => {
            const selected = item.journey.id === selectedId;
            return (
              <li key={item.recommendationId} className="flex flex-wrap items-center justify-between gap-2 rounded border border-stone-200 p-2 dark:border-stone-700">
                <div className="min-w-0 flex-1">
                  <p className="font-medium">{item.journey.name}</p>
                  <p className="text-sm text-stone-700 dark:text-stone-300">{item.reason}</p>
                </div>
                <Button variant={selected ? "primary" : "secondary"} aria-pressed={selected} aria-label={t("journeys.useLabel", { name: item.journey.name })} onClick={() => pick(item)}>
                  {selected ? `✓ ${t("journeys.chosen")}` : t("journeys.use")}
                </Button>
              </li>
            );
          })}
        </ul>
      ) : null}
    </div>
  );
}
