import { createContext, useContext, useEffect, useRef, useState, useSyncExternalStore, type ReactNode } from "react";
import type { ClientCommandType, CommandPayloads } from "../../../../../domain/session/commands";
import { LiveClient, type CommandResult, type LiveSnapshot } from "./client";

interface LiveValue {
  client: LiveClient | null;
  snapshot: LiveSnapshot;
  /** The seat this screen speaks for; undefined on the table view. */
  me: string | undefined;
  send<K extends ClientCommandType>(type: K, payload: CommandPayloads[K]): Promise<CommandResult>;
}

const LiveContext = createContext<LiveValue | null>(null);

const CONNECTING: LiveSnapshot = { status: "connecting", state: null, seq: 0, presence: {}, pendingCount: 0, error: null, alerts: [], clockOffsetMs: 0 };
const noClientSubscribe = () => () => undefined;
const notConnected: CommandResult = { ok: false, error: { code: "conflict", message: "not connected" } };

export interface LiveProviderProps {
  sessionId: string;
  participantId?: string;
  getToken: () => Promise<string | null>;
  refreshToken?: () => Promise<string | null>;
  view?: "table";
  children: ReactNode;
}

/** Opens one live connection for the pages inside it and closes it when they go. */
export function LiveProvider({ sessionId, participantId, getToken, refreshToken, view, children }: LiveProviderProps) {
  const [client, setClient] = useState<LiveClient | null>(null);
  // The token functions may be new on every render; the connection must not be.
  const tokens = useRef({ getToken, refreshToken });
  tokens.current = { getToken, refreshToken };
  const canRefresh = refreshToken !== undefined;

  useEffect(() => {
    const c = new LiveClient({
      sessionId,
      participantId,
      view,
      getToken: () => tokens.current.getToken(),
      refreshToken: canRefresh ? () => tokens.current.refreshToken?.() ?? Promise.resolve(null) : undefined,
    });
    setClient(c);
    void c.start();
    return () => {
      c.close();
      setClient(null);
    };
  }, [sessionId, participantId, view, canRefresh]);

  const snapshot = useSyncExternalStore(client?.subscribe ?? noClientSubscribe, client?.getSnapshot ?? (() => CONNECTING));
  const value: LiveValue = {
    client,
    snapshot,
    me: participantId,
    send: (type, payload) => (client ? client.send(type, payload) : Promise.resolve(notConnected)),
  };
  return <LiveContext.Provider value={value}>{children}</LiveContext.Provider>;
}

export function useLive(): LiveValue {
  const value = useContext(LiveContext);
  if (!value) throw new Error("useLive needs a LiveProvider");
  return value;
}
