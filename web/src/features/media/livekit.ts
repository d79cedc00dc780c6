import { Room, RoomEvent, Track, type LocalTrackPublication, type RemoteParticipant } from "livekit-client";
import type { MediaPeerState, MediaRoomAnswer } from "../../../../domain/realtime-media";
import type { LiveSocket } from "../sessions/live/client";
import type { MediaTransport } from "./api";
import { EMPTY_CALL, KEEP_CAPTIONS, Store, type CallEngine, type CallSnapshot, type RemotePeer } from "./engine";

type LiveKitTransport = Extract<MediaTransport, { mode: "livekit" }>;

/**
 * The same call through a LiveKit server (an SFU) for larger groups. The session's socket
 * still says which room this person belongs in (breakouts) and carries captions; a room
 * change asks the studio for a new room token.
 */
export class LiveKitCall implements CallEngine {
  private readonly store = new Store<CallSnapshot>(EMPTY_CALL);
  private room: Room | null = null;
  private roomKey: string | null = null;
  private local: MediaStream | null = null;
  private socket: LiveSocket | null = null;
  private stopJoined: (() => void) | null = null;
  private state: MediaPeerState = { audio: true, video: true, screen: false };
  private visiting: number | null = null;
  private left = false;

  constructor(
    private readonly sessionId: string,
    private readonly fetchTransport: (visit: number | null) => Promise<LiveKitTransport>,
    private readonly onJoined: (listener: (socket: LiveSocket) => void) => () => void,
    private first: LiveKitTransport,
  ) {}

  subscribe = (l: () => void) => this.store.subscribe(l);
  getSnapshot = () => this.store.get();

  start(local: MediaStream): void {
    this.local = local;
    this.stopJoined = this.onJoined((socket) => this.attach(socket));
  }

  private readonly onRoom = (answer: MediaRoomAnswer) => void this.entered(answer);
  private readonly onCaption = (c: CallSnapshot["captions"][number]) => this.store.set({ captions: [...this.store.get().captions, c].slice(-KEEP_CAPTIONS) });

  private attach(socket: LiveSocket): void {
    if (this.left) return;
    if (this.socket !== socket) {
      this.socket?.off("media:room", this.onRoom);
      this.socket?.off("media:caption", this.onCaption);
      this.socket = socket;
      socket.on("media:room", this.onRoom);
      socket.on("media:caption", this.onCaption);
    }
    socket.timeout(10_000).emit("media:join", { sessionId: this.sessionId, mode: "livekit", visit: this.visiting, audio: this.state.audio, video: this.state.video }, (err: Error | null, answer: MediaRoomAnswer) => {
      if (!err) void this.entered(answer);
    });
  }

  private async entered(answer: MediaRoomAnswer): Promise<void> {
    if (this.left) return;
    if (!answer.ok) return this.store.set({ status: "failed", error: answer.error.message });
    if (answer.room.key === this.roomKey && this.room) return;
    this.roomKey = answer.room.key;
    this.store.set({ status: "joining", room: answer.room });
    try {
      // The first token was issued for where the person was; a move needs a new one.
      const transport = this.room ? await this.fetchTransport(this.visiting !== null && answer.room.breakout === this.visiting ? this.visiting : null) : this.first;
      this.first = transport;
      await this.room?.disconnect();
      const room = new Room({ adaptiveStream: true, dynacast: true });
      this.room = room;
      for (const e of [RoomEvent.ParticipantConnected, RoomEvent.ParticipantDisconnected, RoomEvent.TrackSubscribed, RoomEvent.TrackUnsubscribed, RoomEvent.TrackMuted, RoomEvent.TrackUnmuted]) room.on(e, () => this.publish());
      room.on(RoomEvent.Reconnecting, () => this.store.set({ status: "reconnecting" }));
      room.on(RoomEvent.Reconnected, () => this.store.set({ status: "joined" }));
      await room.connect(transport.url, transport.token);
      for (const track of this.local?.getTracks() ?? []) await room.localParticipant.publishTrack(track, { source: track.kind === "audio" ? Track.Source.Microphone : Track.Source.Camera });
      if (this.left) return void room.disconnect();
      this.store.set({ status: "joined", error: null });
      this.publish();
    } catch (err) {
      this.store.set({ status: "failed", error: err instanceof Error ? err.message : String(err) });
    }
  }

  private publish(): void {
    const room = this.room;
    if (!room) return this.store.set({ peers: [] });
    const peers: RemotePeer[] = [...room.remoteParticipants.values()].map((p: RemoteParticipant) => {
      const stream = new MediaStream();
      let audio = false;
      let video = false;
      let screen = false;
      for (const pub of p.trackPublications.values()) {
        if (pub.track?.mediaStreamTrack && (pub.source !== Track.Source.Camera || !p.isScreenShareEnabled)) stream.addTrack(pub.track.mediaStreamTrack);
        if (pub.kind === Track.Kind.Audio && !pub.isMuted) audio = true;
        if (pub.kind === Track.Kind.Video && !pub.isMuted) video = true;
        if (pub.source === Track.Source.ScreenShare) screen = true;
      }
      return { peerId: p.sid, participantId: p.identity, stream, audio, video, screen, status: "connected" };
    });
    this.store.set({ peers });
  }

  private publication(kind: "audio" | "video"): LocalTrackPublication | undefined {
    return [...(this.room?.localParticipant.trackPublications.values() ?? [])].find((p) => p.kind === (kind === "audio" ? Track.Kind.Audio : Track.Kind.Video));
  }

  async replaceVideo(track: MediaStreamTrack | null): Promise<void> {
    const pub = this.publication("video");
    if (pub?.videoTrack && track) await pub.videoTrack.replaceTrack(track);
    else if (track && this.room) await this.room.localParticipant.publishTrack(track, { source: Track.Source.Camera });
  }

  setState(state: MediaPeerState): void {
    this.state = state;
    const audio = this.publication("audio");
    const video = this.publication("video");
    void (state.audio ? audio?.unmute() : audio?.mute());
    void (state.video || state.screen ? video?.unmute() : video?.mute());
    this.socket?.emit("media:state", state);
  }

  visit(room: number | null): void {
    this.visiting = room;
    if (this.socket) this.attach(this.socket);
  }

  sendCaption(text: string, final: boolean): void {
    this.socket?.volatile.emit("media:caption", { text: text.slice(0, 300), final });
  }

  leave(): void {
    this.left = true;
    this.stopJoined?.();
    this.socket?.emit("media:leave");
    this.socket?.off("media:room", this.onRoom);
    this.socket?.off("media:caption", this.onCaption);
    void this.room?.disconnect();
    this.room = null;
    this.store.set({ status: "left", peers: [] });
  }
}
