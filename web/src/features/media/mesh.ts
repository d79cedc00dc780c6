import type { LiveSocket } from "../sessions/live/client";
import type { MediaPeer, MediaPeerState, MediaRoomAnswer, MediaSignalMessage } from "../../../../domain/realtime-media";
import { EMPTY_CALL, KEEP_CAPTIONS, Store, type CallEngine, type CallSnapshot, type LinkStatus, type RemotePeer } from "./engine";

/** How long a connection may stay "disconnected" before its ICE is restarted. */
const DISCONNECTED_GRACE_MS = 2500;

type Send = (signal: Omit<MediaSignalMessage, "from">) => void;

/**
 * One peer connection, negotiated with the "perfect negotiation" pattern: both sides may offer;
 * on a collision the polite side rolls back and answers. A failed or long-disconnected
 * connection restarts ICE by itself.
 */
class PeerLink {
  readonly pc: RTCPeerConnection;
  readonly stream = new MediaStream();
  private makingOffer = false;
  private ignoreOffer = false;
  private settingAnswer = false;
  private queue = Promise.resolve();
  private restartTimer: ReturnType<typeof setTimeout> | null = null;
  private videoSender: RTCRtpSender | null = null;
  status: LinkStatus = "connecting";

  constructor(
    readonly peer: MediaPeer,
    private readonly polite: boolean,
    iceServers: RTCIceServer[],
    local: MediaStream,
    private readonly send: Send,
    private readonly changed: () => void,
  ) {
    this.pc = new RTCPeerConnection({ iceServers });
    for (const track of local.getTracks()) {
      const sender = this.pc.addTrack(track, local);
      if (track.kind === "video") this.videoSender = sender;
    }
    this.pc.onnegotiationneeded = async () => {
      try {
        this.makingOffer = true;
        await this.pc.setLocalDescription();
        if (this.pc.localDescription) this.send({ description: this.pc.localDescription.toJSON() as MediaSignalMessage["description"] });
      } catch {
        /* a newer negotiation will follow */
      } finally {
        this.makingOffer = false;
      }
    };
    this.pc.onicecandidate = ({ candidate }) => this.send({ candidate: candidate ? candidate.toJSON() as NonNullable<MediaSignalMessage["candidate"]> : null });
    this.pc.ontrack = ({ track }) => {
      for (const old of this.stream.getTracks()) if (old.kind === track.kind && old.id !== track.id) this.stream.removeTrack(old);
      if (!this.stream.getTrackById(track.id)) this.stream.addTrack(track);
      track.onunmute = () => this.changed();
      this.changed();
    };
    this.pc.onconnectionstatechange = () => this.watch();
    this.pc.oniceconnectionstatechange = () => this.watch();
  }

  private watch(): void {
    const ice = this.pc.iceConnectionState;
    const previous = this.status;
    if (ice === "connected" || ice === "completed") {
      this.status = "connected";
      if (this.restartTimer) clearTimeout(this.restartTimer);
      this.restartTimer = null;
    } else if (ice === "failed") {
      this.status = "reconnecting";
      this.restartIce();
    } else if (ice === "disconnected") {
      this.status = "reconnecting";
      if (!this.restartTimer) this.restartTimer = setTimeout(() => this.restartIce(), DISCONNECTED_GRACE_MS);
    }
    if (previous !== this.status) this.changed();
  }

  restartIce(): void {
    if (this.restartTimer) clearTimeout(this.restartTimer);
    this.restartTimer = null;
    if (this.pc.signalingState !== "closed") this.pc.restartIce();
  }

  get healthy(): boolean {
    return this.status === "connected" || this.status === "connecting";
  }

  receive(signal: MediaSignalMessage): void {
    // Signals apply strictly in order; each waits for the one before.
    this.queue = this.queue.then(() => this.apply(signal)).catch(() => undefined);
  }

  private async apply({ description, candidate }: MediaSignalMessage): Promise<void> {
    if (description) {
      const readyForOffer = !this.makingOffer && (this.pc.signalingState === "stable" || this.settingAnswer);
      const collision = description.type === "offer" && !readyForOffer;
      this.ignoreOffer = !this.polite && collision;
      if (this.ignoreOffer) return;
      this.settingAnswer = description.type === "answer";
      await this.pc.setRemoteDescription(description as RTCSessionDescriptionInit);
      this.settingAnswer = false;
      if (description.type === "offer") {
        await this.pc.setLocalDescription();
        if (this.pc.localDescription) this.send({ description: this.pc.localDescription.toJSON() as MediaSignalMessage["description"] });
      }
    } else if (candidate !== undefined) {
      try {
        await this.pc.addIceCandidate(candidate ?? undefined);
      } catch (err) {
        if (!this.ignoreOffer) throw err;
      }
    }
  }

  async replaceVideo(track: MediaStreamTrack | null, local: MediaStream): Promise<void> {
    if (this.videoSender) await this.videoSender.replaceTrack(track);
    else if (track) this.videoSender = this.pc.addTrack(track, local);
  }

  close(): void {
    if (this.restartTimer) clearTimeout(this.restartTimer);
    this.pc.close();
  }
}

/**
 * The built-in mesh: a connection to each peer in the same media room, signalled over the
 * session's own Socket.IO connection. When the session moves this person (breakouts), the
 * server answers the new room and its peers; links to people still there are kept.
 */
export class MeshCall implements CallEngine {
  private readonly store = new Store<CallSnapshot>(EMPTY_CALL);
  private readonly links = new Map<string, PeerLink>();
  private peerId: string | null = null;
  private socket: LiveSocket | null = null;
  private local: MediaStream | null = null;
  private state: MediaPeerState = { audio: true, video: true, screen: false };
  private visiting: number | null = null;
  private stopJoined: (() => void) | null = null;
  private left = false;

  constructor(
    private readonly sessionId: string,
    private readonly iceServers: RTCIceServer[],
    private readonly onJoined: (listener: (socket: LiveSocket) => void) => () => void,
  ) {}

  subscribe = (l: () => void) => this.store.subscribe(l);
  getSnapshot = () => this.store.get();

  start(local: MediaStream): void {
    this.local = local;
    this.state = { audio: local.getAudioTracks().some((t) => t.enabled), video: local.getVideoTracks().some((t) => t.enabled), screen: false };
    this.stopJoined = this.onJoined((socket) => this.attach(socket));
  }

  private readonly handlers = {
    room: (answer: MediaRoomAnswer) => this.entered(answer),
    joined: (peer: MediaPeer) => {
      if (peer.peerId !== this.peerId && !this.links.has(peer.peerId)) this.connect(peer);
      this.publish();
    },
    left: ({ peerId }: { peerId: string }) => {
      this.links.get(peerId)?.close();
      this.links.delete(peerId);
      this.publish();
    },
    updated: (peer: MediaPeer) => {
      const link = this.links.get(peer.peerId);
      if (link) Object.assign(link.peer, peer);
      this.publish();
    },
    signal: (signal: MediaSignalMessage) => {
      let link = this.links.get(signal.from);
      // An offer can arrive before the server's "joined" notice: make the link now.
      if (!link && signal.description?.type === "offer") link = this.connect({ peerId: signal.from, participantId: "", mode: "mesh", audio: true, video: true, screen: false });
      link?.receive(signal);
    },
    caption: (c: CallSnapshot["captions"][number]) => this.store.set({ captions: [...this.store.get().captions, c].slice(-KEEP_CAPTIONS) }),
    disconnect: () => {
      if (!this.left) this.store.set({ status: "reconnecting" });
    },
  };

  /** Called on every (re)join of the session: listen on this socket and take our place in the media room again. */
  private attach(socket: LiveSocket): void {
    if (this.left) return;
    if (this.socket !== socket) {
      this.detach();
      this.socket = socket;
      socket.on("media:room", this.handlers.room);
      socket.on("media:peer-joined", this.handlers.joined);
      socket.on("media:peer-left", this.handlers.left);
      socket.on("media:peer-updated", this.handlers.updated);
      socket.on("media:signal", this.handlers.signal);
      socket.on("media:caption", this.handlers.caption);
      socket.on("disconnect", this.handlers.disconnect);
    }
    socket.timeout(10_000).emit(
      "media:join",
      { sessionId: this.sessionId, mode: "mesh", visit: this.visiting, resume: this.peerId ?? undefined, audio: this.state.audio, video: this.state.video },
      (err: Error | null, answer: MediaRoomAnswer) => {
        if (this.left || socket !== this.socket) return;
        if (err) return this.store.set({ status: "reconnecting" });
        this.entered(answer);
        if (answer.ok) socket.emit("media:state", this.state);
      },
    );
  }

  private detach(): void {
    const s = this.socket;
    if (!s) return;
    s.off("media:room", this.handlers.room);
    s.off("media:peer-joined", this.handlers.joined);
    s.off("media:peer-left", this.handlers.left);
    s.off("media:peer-updated", this.handlers.updated);
    s.off("media:signal", this.handlers.signal);
    s.off("media:caption", this.handlers.caption);
    s.off("disconnect", this.handlers.disconnect);
  }

  private entered(answer: MediaRoomAnswer): void {
    if (!answer.ok) {
      this.closeLinks();
      this.store.set({ status: answer.error.code === "conflict" ? "full" : "failed", error: answer.error.message, peers: [], room: null });
      return;
    }
    if (this.peerId !== answer.peerId) this.closeLinks();
    this.peerId = answer.peerId;
    const present = new Set(answer.peers.map((p) => p.peerId));
    // People who moved elsewhere are let go; those still here keep their connection.
    for (const [id, link] of this.links) {
      if (present.has(id)) continue;
      link.close();
      this.links.delete(id);
    }
    for (const peer of answer.peers) {
      const link = this.links.get(peer.peerId);
      if (!link) this.connect(peer);
      else {
        Object.assign(link.peer, peer);
        // Back after a network drop: the old path may be gone.
        if (!link.healthy) link.restartIce();
      }
    }
    if (answer.room.breakout !== this.visiting && this.visiting !== null && answer.room.breakout === null) this.visiting = null;
    this.store.set({ status: "joined", room: answer.room, error: null });
    this.publish();
  }

  private connect(peer: MediaPeer): PeerLink {
    const me = this.peerId ?? "";
    const link = new PeerLink(
      { ...peer },
      me < peer.peerId,
      this.iceServers,
      this.local ?? new MediaStream(),
      (signal) => this.socket?.emit("media:signal", { to: peer.peerId, ...signal }),
      () => this.publish(),
    );
    this.links.set(peer.peerId, link);
    return link;
  }

  private publish(): void {
    const peers: RemotePeer[] = [...this.links.values()].map((l) => ({ ...l.peer, stream: l.stream, status: l.status }));
    this.store.set({ peers });
  }

  async replaceVideo(track: MediaStreamTrack | null): Promise<void> {
    await Promise.all([...this.links.values()].map((l) => l.replaceVideo(track, this.local ?? new MediaStream())));
  }

  setState(state: MediaPeerState): void {
    this.state = state;
    this.socket?.emit("media:state", state);
  }

  visit(room: number | null): void {
    this.visiting = room;
    if (this.socket) this.attach(this.socket);
  }

  sendCaption(text: string, final: boolean): void {
    this.socket?.volatile.emit("media:caption", { text: text.slice(0, 300), final });
  }

  private closeLinks(): void {
    for (const link of this.links.values()) link.close();
    this.links.clear();
  }

  leave(): void {
    this.left = true;
    this.stopJoined?.();
    this.socket?.emit("media:leave");
    this.detach();
    this.closeLinks();
    this.store.set({ status: "left", peers: [] });
  }
}
