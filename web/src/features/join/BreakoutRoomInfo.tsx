import { useTranslation } from "react-i18next";
import type { SessionState } from "../../../../domain/session/types";
import { LiveMessage } from "../../components/Alert";
import { Button } from "../../components/Button";
import { useCommand } from "../sessions/live/hooks";
import { useLive } from "../sessions/live/LiveProvider";

/** Inside a breakout room: who is here, the facilitator's messages, and a way to call them in. */
export function BreakoutRoomInfo({ state }: { state: SessionState }) {
  const { t } = useTranslation();
  const { me } = useLive();
  const { run, error, busy } = useCommand();
  const room = state.breakouts.rooms.find((r) => me !== undefined && r.participantIds.includes(me));
  if (!room) return null;
  const others = room.participantIds.filter((id) => id !== me).map((id) => state.participants[id]?.displayName ?? "");
  const called = state.breakouts.calls.some((c) => c.participantId === me);
  return (
    <section aria-labelledby="room-h" className="space-y-2 rounded-xl border-2 border-amber-600 bg-amber-50 p-4 text-stone-900 dark:bg-amber-950 dark:text-amber-50">
      <h2 id="room-h" className="text-lg font-bold">
        {t("join.room.title", { room: room.index + 1 })}
      </h2>
      <p>{others.length > 0 ? t("join.room.with", { names: others.join(", ") }) : t("join.room.alone")}</p>
      {state.breakouts.broadcasts.length > 0 ? (
        <div>
          <h3 className="font-semibold">{t("join.room.messages")}</h3>
          <ul className="list-disc ps-5">
            {state.breakouts.broadcasts.slice(-3).map((b) => (
              <li key={b.id}>{b.text}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <Button variant="secondary" busy={busy} disabled={called} onClick={() => void run("breakouts.callFacilitator", {})}>
        {called ? t("join.room.called") : t("join.room.call")}
      </Button>
      <LiveMessage tone="error">{error}</LiveMessage>
    </section>
  );
}
