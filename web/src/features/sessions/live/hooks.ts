import { useCallback, useEffect, useState } from "react";
import type { ClientCommandType, CommandPayloads } from "../../../../../domain/session/commands";
import type { CommandResult } from "./client";
import { drafts } from "./drafts";
import { useLive } from "./LiveProvider";

/** A text box whose content is kept per session until it is cleared (after the server stored it). */
export function useDraft(sessionId: string, name: string): [string, (text: string) => void, () => void] {
  const [text, setText] = useState(() => drafts.load(sessionId, name));
  useEffect(() => setText(drafts.load(sessionId, name)), [sessionId, name]);
  const change = useCallback(
    (value: string) => {
      setText(value);
      drafts.save(sessionId, name, value);
    },
    [sessionId, name],
  );
  const clear = useCallback(() => {
    setText("");
    drafts.clear(sessionId, name);
  }, [sessionId, name]);
  return [text, change, clear];
}

/** Sends commands and keeps the last refusal to show next to the control that caused it. */
export function useCommand() {
  const { send } = useLive();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const run = useCallback(
    async <K extends ClientCommandType>(type: K, payload: CommandPayloads[K]): Promise<CommandResult> => {
      setBusy(true);
      setError(null);
      const result = await send(type, payload);
      setBusy(false);
      // The server's refusals are specific sentences ("Your hand is already raised."): show them as they are.
      if (!result.ok) setError(result.error.message);
      return result;
    },
    [send],
  );
  return { run, error, busy, clearError: () => setError(null) };
}

/** The current time, ticking while something on screen counts down. */
export function useNow(running: boolean, everyMs = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    setNow(Date.now());
    if (!running) return;
    const id = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(id);
  }, [running, everyMs]);
  return now;
}
