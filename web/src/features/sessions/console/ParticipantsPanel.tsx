import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import type { Participant, SessionState } from "../../../../../domain/session/types";
import { LiveMessage } from "../../../components/Alert";
import { Button } from "../../../components/Button";
import { ConfirmDialog } from "../../../components/ConfirmDialog";
import { TextField } from "../../../components/Field";
import type { Presence } from "../live/client";
import { useCommand } from "../live/hooks";
import { useLive } from "../live/LiveProvider";

function PresenceDot({ presence }: { presence: Presence | undefined }) {
  const { t } = useTranslation();
  const label = !presence ? t("sessions.people.offline") : presence.active ? t("sessions.people.online") : t("sessions.people.away");
  const color = !presence ? "bg-stone-400" : presence.active ? "bg-green-600" : "bg-amber-500";
  return (
    <span className="inline-flex items-center gap-1 text-xs text-stone-700 dark:text-stone-300">
      <span aria-hidden="true" className={`inline-block h-2.5 w-2.5 rounded-full ${color}`} />
      {label}
    </span>
  );
}

function RenameForm({ person, onDone }: { person: Participant; onDone: () => void }) {
  const { t } = useTranslation();
  const { run, error, busy } = useCommand();
  const [name, setName] = useState(person.displayName);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await run("participant.rename", { participantId: person.id, displayName: name.trim() });
    if (result.ok) onDone();
  };
  return (
    <form onSubmit={(e) => void submit(e)} className="flex flex-wrap items-end gap-2">
      <div className="flex-1">
        <TextField label={t("sessions.people.newName", { name: person.displayName })} value={name} maxLength={60} required autoFocus onChange={(e) => setName(e.target.value)} />
      </div>
      <Button type="submit" busy={busy}>
        {t("sessions.people.saveName")}
      </Button>
      <Button variant="ghost" onClick={onDone}>
        {t("common.cancel")}
      </Button>
      <LiveMessage tone="error">{error}</LiveMessage>
    </form>
  );
}

/** Who is here, who waits in the lobby, whose hand is up; and the door (lock, admission). */
export function ParticipantsPanel({ state }: { state: SessionState }) {
  const { t } = useTranslation();
  const { snapshot, me } = useLive();
  const { run, error, busy } = useCommand();
  const [renaming, setRenaming] = useState<string | null>(null);
  const [removing, setRemoving] = useState<Participant | null>(null);
  const ended = state.status === "ended";
  const people = Object.values(state.participants).filter((p) => !p.removed);
  const lobby = people.filter((p) => !p.admitted);
  const inside = people.filter((p) => p.admitted);
  const hands = inside.filter((p) => p.handRaised).sort((a, b) => (a.handRaisedAt ?? 0) - (b.handRaisedAt ?? 0));

  const remove = async () => {
    if (!removing) return;
    await run("participant.remove", { participantId: removing.id });
    setRemoving(null);
  };

  return (
    <section aria-labelledby="people-h" className="space-y-3 rounded-xl border border-stone-300 bg-white p-4 dark:border-stone-700 dark:bg-stone-900">
      <h2 id="people-h" className="text-lg font-semibold">
        {t("sessions.people.title", { count: inside.length })}
      </h2>
      <div className="flex flex-wrap gap-2">
        <Button variant="secondary" disabled={ended} busy={busy} onClick={() => void run(state.locked ? "session.unlock" : "session.lock", {})}>
          {state.locked ? t("sessions.people.unlock") : t("sessions.people.lock")}
        </Button>
        <Button variant="secondary" disabled={ended} busy={busy} onClick={() => void run("session.admission", { mode: state.admission === "auto" ? "manual" : "auto" })}>
          {state.admission === "auto" ? t("sessions.people.useLobby") : t("sessions.people.letAllIn")}
        </Button>
      </div>
      {hands.length > 0 ? (
        <div className="space-y-1">
          <h3 className="font-semibold">{t("sessions.people.hands")}</h3>
          <ol className="space-y-1">
            {hands.map((p) => (
              <li key={p.id} className="flex items-center justify-between gap-2">
                <span>✋ {p.displayName}</span>
                <Button variant="secondary" busy={busy} onClick={() => void run("hand.lower", { participantId: p.id })}>
                  {t("sessions.people.lowerHandOf", { name: p.displayName })}
                </Button>
              </li>
            ))}
          </ol>
        </div>
      ) : null}
      {lobby.length > 0 ? (
        <div className="space-y-1">
          <h3 className="font-semibold">{t("sessions.people.lobby", { count: lobby.length })}</h3>
          <ul className="space-y-1">
            {lobby.map((p) => (
              <li key={p.id} className="flex items-center justify-between gap-2">
                <span>{p.displayName}</span>
                <Button busy={busy} disabled={ended} onClick={() => void run("participant.admit", { participantId: p.id })}>
                  {t("sessions.people.admitOf", { name: p.displayName })}
                </Button>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <ul className="divide-y divide-stone-200 dark:divide-stone-700">
        {inside.map((p) => (
          <li key={p.id} className="space-y-2 py-2">
            <div className="flex flex-wrap items-center justify-between gap-2">
              <div>
                <span className="font-medium">{p.displayName}</span>
                {p.id === me ? <span className="text-sm"> ({t("live.you")})</span> : null}
                {p.role !== "participant" ? <span className="text-sm text-stone-700 dark:text-stone-300"> · {t(`sessions.roles.${p.role}`)}</span> : null}
                <div>
                  <PresenceDot presence={snapshot.presence[p.id]} />
                </div>
              </div>
              {p.role === "participant" && !ended ? (
                <div className="flex gap-1">
                  <Button variant="ghost" onClick={() => setRenaming(p.id)} aria-label={t("sessions.people.renameOf", { name: p.displayName })}>
                    {t("sessions.people.rename")}
                  </Button>
                  <Button variant="ghost" onClick={() => setRemoving(p)} aria-label={t("sessions.people.removeOf", { name: p.displayName })}>
                    {t("sessions.people.remove")}
                  </Button>
                </div>
              ) : null}
            </div>
            {renaming === p.id ? <RenameForm person={p} onDone={() => setRenaming(null)} /> : null}
          </li>
        ))}
      </ul>
      <LiveMessage tone="error">{error}</LiveMessage>
      <ConfirmDialog
        open={removing !== null}
        title={t("sessions.people.removeTitle", { name: removing?.displayName ?? "" })}
        confirmLabel={t("sessions.people.remove")}
        busy={busy}
        onConfirm={() => void remove()}
        onCancel={() => setRemoving(null)}
      >
        <p>{t("sessions.people.removeBody")}</p>
      </ConfirmDialog>
    </section>
  );
}
