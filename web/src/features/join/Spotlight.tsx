import { useTranslation } from "react-i18next";
import type { SessionState } from "../../../../domain/session/types";
import { CardView } from "../sessions/live/cards";
import { useSeatCard } from "./seatCards";

/** The card the facilitator put in the spotlight, and whose it is. */
export function Spotlight({ state }: { state: SessionState }) {
  const { t } = useTranslation();
  const spot = state.spotlight;
  const card = spot ? Object.values(state.cards).find((c) => c.slot === spot.slot) : undefined;
  const info = useSeatCard(card?.cardId ?? "");
  if (!spot || !card) return null;
  const owner = spot.participantId ? state.participants[spot.participantId]?.displayName : undefined;
  return (
    <section aria-labelledby="spotlight-h" className="flex flex-col items-center gap-2 rounded-xl border border-stone-300 bg-white p-4 dark:border-stone-700 dark:bg-stone-900">
      <h2 id="spotlight-h" className="text-lg font-semibold">
        {t("sessions.table.spotlight")}
      </h2>
      <CardView card={card} info={info} />
      {owner ? <p className="text-sm">{t("join.spotlightOf", { name: owner })}</p> : null}
    </section>
  );
}
