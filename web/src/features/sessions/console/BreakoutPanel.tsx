import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import type { SessionState } from "../../../../../domain/session/types";
import { LiveMessage } from "../../../components/Alert";
import { Button } from "../../../components/Button";
import { TextField } from "../../../components/Field";
import { useCommand, useDraft } from "../live/hooks";

/** Pairs and trios for depth: open rooms, move people, send a message to all rooms, close. */
export function BreakoutPanel({ state }: { state: SessionState }) {
  const { t, i18n } = useTranslation();
  const { run, error, busy } = useCommand();
  const [rooms, setRooms] = useState("2");
  const [message, setMessage, clearMessage] = useDraft(state.sessionId, "broadcast");
  const open = state.breakouts.rooms;
  const ended = state.status === "ended";
  const name = (id: string) => state.participants[id]?.displayName ?? "";

  const openRooms = (event: FormEvent) => {
    event.preventDefault();
    void run("breakouts.open", { count: Math.max(1, Math.round(Number(rooms) || 1)) });
  };
  const broadcast = async (event: FormEvent) => {
    event.preventDefault();
    if (!message.trim()) return;
    const result = await run("breakouts.broadcast", { text: message.trim() });
    if (result.ok) clearMessage();
  };

  return (
    <section aria-labelledby="breakout-h" className="space-y-3 rounded-xl border border-stone-300 bg-white p-4 dark:border-stone-700 dark:bg-stone-900">
      <h2 id="breakout-h" className="text-lg font-semibold">
        {t("sessions.breakouts.title")}
      </h2>
      {open.length === 0 ? (
        <form onSubmit={openRooms} className="flex flex-wrap items-end gap-2">
          <div className="w-36">
            <TextField label={t("sessions.breakouts.rooms")} type="number" min={1} max={50} value={rooms} onChange={(e) => setRooms(e.target.value)} />
          </div>
          <Button type="submit" busy={busy} disabled={ended}>
            {t("sessions.breakouts.open")}
          </Button>
        </form>
      ) : (
        <>
          <ul className="grid gap-3 sm:grid-cols-2">
            {open.map((room) => (
              <li key={room.index} className="rounded-lg border border-stone-300 p-3 dark:border-stone-700">
                <h3 className="font-semibold">{t("sessions.breakouts.room", { room: room.index + 1 })}</h3>
                {room.participantIds.length === 0 ? <p className="text-sm">{t("sessions.breakouts.emptyRoom")}</p> : null}
                <ul className="space-y-1">
                  {room.participantIds.map((id) => (
                    <li key={id} className="flex flex-wrap items-center justify-between gap-2">
                      <span>{name(id)}</span>
                      <label className="flex items-center gap-1 text-sm">
                        <span className="sr-only">{t("sessions.breakouts.moveOf", { name: name(id) })}</span>
                        <select
                          className="min-h-11 rounded-lg border border-stone-400 bg-white px-2 dark:border-stone-500 dark:bg-stone-900"
                          value={room.index}
                          disabled={busy}
                          onChange={(e) => void run("breakouts.move", { participantId: id, roomIndex: Number(e.target.value) })}
                        >
                          {open.map((r) => (
                            <option key={r.index} value={r.index}>
                              {t("sessions.breakouts.room", { room: r.index + 1 })}
                            </option>
                          ))}
                        </select>
                      </label>
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
          {state.breakouts.calls.length > 0 ? (
            <div>
              <h3 className="font-semibold">{t("sessions.breakouts.calls")}</h3>
              <ul>
                {state.breakouts.calls.map((c) => (
                  <li key={`${c.at}-${c.participantId}`}>
                    {t("sessions.breakouts.call", { name: name(c.participantId), room: c.roomIndex + 1, time: new Intl.DateTimeFormat(i18n.language, { timeStyle: "short" }).format(new Date(c.at)) })}
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          <form onSubmit={(e) => void broadcast(e)} className="flex flex-wrap items-end gap-2">
            <div className="min-w-0 flex-1">
              <TextField label={t("sessions.breakouts.broadcast")} value={message} maxLength={500} onChange={(e) => setMessage(e.target.value)} />
            </div>
            <Button type="submit" busy={busy}>
              {t("sessions.breakouts.send")}
            </Button>
          </form>
          <Button variant="danger" busy={busy} onClick={() => void run("breakouts.close", {})}>
            {t("sessions.breakouts.close")}
          </Button>
        </>
      )}
      {state.breakouts.broadcasts.length > 0 ? (
        <p className="text-sm text-stone-700 dark:text-stone-300">{t("sessions.breakouts.lastBroadcast", { text: state.breakouts.broadcasts[state.breakouts.broadcasts.length - 1].text })}</p>
      ) : null}
      <LiveMessage tone="error">{error}</LiveMessage>
    </section>
  );
}
