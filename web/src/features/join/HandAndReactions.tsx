import { useTranslation } from "react-i18next";
import { REACTION_EMOJIS, type SessionState } from "../../../../domain/session/types";
import { LiveMessage } from "../../components/Alert";
import { Button } from "../../components/Button";
import { useCommand } from "../sessions/live/hooks";
import { useLive } from "../sessions/live/LiveProvider";

/** Asking for a turn without interrupting, and small signs of being with the group. */
export function HandAndReactions({ state }: { state: SessionState }) {
  const { t } = useTranslation();
  const { me } = useLive();
  const { run, error, busy } = useCommand();
  const raised = me ? state.participants[me]?.handRaised === true : false;
  return (
    <section aria-label={t("join.hand.region")} className="space-y-2">
      <div className="flex flex-wrap items-center gap-2">
        <Button variant={raised ? "primary" : "secondary"} aria-pressed={raised} busy={busy} onClick={() => void run(raised ? "hand.lower" : "hand.raise", {})}>
          {raised ? t("join.hand.lower") : t("join.hand.raise")}
        </Button>
        <div role="group" aria-label={t("join.react.label")} className="flex flex-wrap gap-1">
          {REACTION_EMOJIS.map((emoji) => (
            <button
              key={emoji}
              type="button"
              className="min-h-11 min-w-11 rounded-lg text-xl hover:bg-stone-200 dark:hover:bg-stone-800"
              aria-label={t("join.react.send", { emoji, count: state.reactions.counts[emoji] ?? 0 })}
              onClick={() => void run("reaction.send", { emoji })}
            >
              <span aria-hidden="true">{emoji}</span>
              {state.reactions.counts[emoji] ? <span className="ms-1 text-xs">{state.reactions.counts[emoji]}</span> : null}
            </button>
          ))}
        </div>
      </div>
      <LiveMessage tone="error">{error}</LiveMessage>
    </section>
  );
}
