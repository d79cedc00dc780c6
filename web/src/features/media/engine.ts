import type { MediaCaptionMessage, MediaPeerState, MediaRoom } from "../../../../domain/realtime-media";

export type LinkStatus = "connecting" | "connected" | "reconnecting" | "failed";

export interface RemotePeer extends MediaPeerState {
  peerId: string;
  participantId: string;
  stream: MediaStream | null;
  status: LinkStatus;
}

export type CallStatus = "joining" | "joined" | "reconnecting" | "full" | "failed" | "left";

export interface CallSnapshot {
  status: CallStatus;
  room: MediaRoom | null;
  peers: RemotePeer[];
  /** Why joining failed or the room is full, as the server or the SFU said it. */
  error: string | null;
  captions: MediaCaptionMessage[];
}

/** One call, through the built-in mesh or a LiveKit room; the panel sees only this. */
export interface CallEngine {
  subscribe(listener: () => void): () => void;
  getSnapshot(): CallSnapshot;
  /** Starts (or restarts) the call with these local tracks. */
  start(local: MediaStream): void;
  /** Replaces what the camera sender sends (a screen, or the camera again). */
  replaceVideo(track: MediaStreamTrack | null): Promise<void>;
  setState(state: MediaPeerState): void;
  /** A facilitator's visit to a breakout room (null: the main room). */
  visit(room: number | null): void;
  sendCaption(text: string, final: boolean): void;
  leave(): void;
}

export const EMPTY_CALL: CallSnapshot = { status: "joining", room: null, peers: [], error: null, captions: [] };

/** A tiny store for useSyncExternalStore. */
export class Store<T> {
  private readonly listeners = new Set<() => void>();
  constructor(private value: T) {}
  subscribe = (l: () => void) => {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  };
  get = () => this.value;
  set(change: Partial<T>) {
    this.value = { ...this.value, ...change };
    for (const l of this.listeners) l();
  }
}

export const KEEP_CAPTIONS = 12;
