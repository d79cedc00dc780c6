import type { LiveSocket } from "../sessions/live/client";
import type { MediaPeer, MediaPeerState, MediaRoomAnswer, MediaSignalMessage } from "../../../../domain/realtime-media";
import { EMPTY_CALL, KEEP_CAPTIONS, Store, type CallEngine, type CallSnapshot, type LinkStatus, type RemotePeer } from "./engine";

/** How long a connection may stay "disconnected" before its ICE is restarted. */
const DISCONNECTED_GRACE_MS = 2500;
/**
 * A new connection that has not connected by then is stuck: a signal went missing, or the
 * browser's candidate gathering stalled (seen on a busy machine right after an offer collision:
 * no candidate ever came, and nothing in the browser times that out). Its ICE is restarted, and
 * the wait doubles after each try.
 */
const CONNECT_TIMEOUT_MS = 8000;
const CONNECT_TIMEOUT_MAX_MS = 60_000;
/** How long the person already in the room waits for the newcomer's offer before offering itself. */
const OFFER_WAIT_MS = 3000;

type Send = (signal: Omit<MediaSignalMessage, "from">) => void;

/**
 * One peer connection. The newcomer to a room offers first and the person already there
 * answers, so the first negotiation has no collision. After that both sides may offer (a
 * shared screen, an ICE restart) with the "perfect negotiation" pattern: on a collision the
 * polite side rolls back and answers. A connection that fails, stays disconnected, or never
 * connects restarts ICE by itself.
 */
class PeerLink {
  readonly pc: RTCPeerConnection;
  readonly stream = new MediaStream();
  private makingOffer = false;
  private ignoreOffer = false;
  private settingAnswer = false;
  /** Until the first offer arrives, the side that did not join last leaves the offering to the newcomer. */
  private waitingForOffer: boolean;
  private queue = Promise.resolve();
  private restartTimer: ReturnType<typeof setTimeout> | null = null;
  private offerTimer: ReturnType<typeof setTimeout> | null = null;
  private settleTimer: ReturnType<typeof setTimeout> | null = null;
  private settleAfter = CONNECT_TIMEOUT_MS;
  private videoSender: RTCRtpSender | null = null;
  status: LinkStatus = "connecting";

  constructor(
    readonly peer: MediaPeer,
    private readonly polite: boolean,
    /** True for the newcomer, who makes the first offer. */
    offerFirst: boolean,
    iceServers: RTCIceServer[],
    local: MediaStream,
    /** What the picture sender sends now (a shared screen instead of the camera); undefined: the camera. */
    video: MediaStreamTrack | null | undefined,
    private readonly send: Send,
    private readonly changed: () => void,
  ) {
    this.waitingForOffer = !offerFirst;
    this.pc = new RTCPeerConnection({ iceServers });
    const tracks = [...local.getAudioTracks(), ...(video === undefined ? local.getVideoTracks().slice(0, 1) : video ? [video] : [])];
    for (const track of tracks) {
      const sender = this.pc.addTrack(track, local);
      if (track.kind === "video") this.videoSender = sender;
    }
    // The offer always asks for the other's sound and picture, even without a microphone or camera here.
    if (offerFirst) {
      for (const kind of ["audio", "video"] as const) if (tracks.every((t) => t.kind !== kind)) this.pc.addTransceiver(kind, { direction: "recvonly" });
    }
    this.pc.onnegotiationneeded = () => {
      if (!this.waitingForOffer) void this.offer();
    };
    this.pc.onicecandidate = ({ candidate }) => this.send({ candidate: candidate ? (candidate.toJSON() as NonNullable<MediaSignalMessage["candidate"]>) : null });
    this.pc.ontrack = ({ track }) => {
      for (const old of this.stream.getTracks()) if (old.kind === track.kind && old.id !== track.id) this.stream.removeTrack(old);
      if (!this.stream.getTrackById(track.id)) this.stream.addTrack(track);
      track.onunmute = () => this.changed();
      this.changed();
    };
    this.pc.onconnectionstatechange = () => this.watch();
    this.pc.oniceconnectionstatechange = () => this.watch();
    if (this.waitingForOffer) {
      // The polite side waits longer, so two people who both wait do not offer at the same moment.
      this.offerTimer = setTimeout(() => this.stopWaiting(true), polite ? OFFER_WAIT_MS * 2 : OFFER_WAIT_MS);
    }
    this.armSettle();
  }

  private async offer(): Promise<void> {
    // One offer at a time: a restart both offers at once and raises negotiationneeded.
    if (this.makingOffer) return;
    try {
      this.makingOffer = true;
      await this.pc.setLocalDescription();
      if (this.pc.localDescription) this.send({ description: this.pc.localDescription.toJSON() as MediaSignalMessage["description"] });
    } catch {
      /* a newer negotiation will follow */
    } finally {
      this.makingOffer = false;
    }
  }

  /** The newcomer's offer came (or never did): from now on either side may offer. */
  private stopWaiting(offerNow: boolean): void {
    if (this.offerTimer) clearTimeout(this.offerTimer);
    this.offerTimer = null;
    if (!this.waitingForOffer) return;
    this.waitingForOffer = false;
    if (offerNow && this.pc.signalingState === "stable" && this.pc.getTransceivers().length > 0) void this.offer();
  }

  private armSettle(): void {
    if (this.settleTimer) clearTimeout(this.settleTimer);
    // The polite side waits longer: usually the other side's restart reaches it first.
    this.settleTimer = setTimeout(() => this.unsettled(), this.polite ? this.settleAfter * 1.5 : this.settleAfter);
  }

  private get connected(): boolean {
    return this.pc.iceConnectionState === "connected" || this.pc.iceConnectionState === "completed";
  }

  private unsettled(): void {
    this.settleTimer = null;
    // Nothing to send or receive (no devices on either side): nothing to connect.
    if (this.connected || this.pc.signalingState === "closed" || this.pc.getTransceivers().length === 0) return;
    this.settleAfter = Math.min(this.settleAfter * 2, CONNECT_TIMEOUT_MAX_MS);
    this.stopWaiting(false);
    this.queue = this.queue
      .then(async () => {
        // An offer that was never answered is taken back, so the restart can send a new one.
        if (this.pc.signalingState === "have-local-offer") await this.pc.setLocalDescription({ type: "rollback" });
      })
      .catch(() => undefined)
      .then(async () => {
        this.restartIce();
        // The browser raises negotiationneeded only once while it stays needed, and that one may have come while waiting.
        if (this.pc.signalingState === "stable" && this.pc.getTransceivers().length > 0) await this.offer();
      });
  }

  private watch(): void {
    const ice = this.pc.iceConnectionState;
    const previous = this.status;
    if (ice === "connected" || ice === "completed") {
      this.status = "connected";
      if (this.restartTimer) clearTimeout(this.restartTimer);
      this.restartTimer = null;
      if (this.settleTimer) clearTimeout(this.settleTimer);
      this.settleTimer = null;
      this.settleAfter = CONNECT_TIMEOUT_MS;
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
    if (this.pc.signalingState === "closed") return;
    this.stopWaiting(false);
    this.pc.restartIce();
    if (!this.connected) this.armSettle();
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
      if (description.type === "offer") this.stopWaiting(false);
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
    for (const timer of [this.restartTimer, this.offerTimer, this.settleTimer]) if (timer) clearTimeout(timer);
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
  /** The picture sent instead of the camera's (a shared screen), so people who arrive during a share see it too. */
  private video: MediaStreamTrack | null | undefined = undefined;
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
      const link = this.links.get(peer.peerId);
      // Made already from an offer that came first: it learns who it is now.
      if (link) Object.assign(link.peer, peer);
      else if (peer.peerId !== this.peerId) this.connect(peer, false);
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
      if (!link && signal.description?.type === "offer") link = this.connect({ peerId: signal.from, participantId: "", mode: "mesh", audio: true, video: true, screen: false }, false);
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
      // This person is the newcomer to these peers, so it makes the first offers.
      if (!link) this.connect(peer, true);
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

  private connect(peer: MediaPeer, offerFirst: boolean): PeerLink {
    const me = this.peerId ?? "";
    const link = new PeerLink(
      { ...peer },
      me < peer.peerId,
      offerFirst,
      this.iceServers,
      this.local ?? new MediaStream(),
      this.video,
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
    const camera = this.local?.getVideoTracks()[0] ?? null;
    this.video = track === camera ? undefined : track;
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
