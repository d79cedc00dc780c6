/** Above this RMS level (0..1) someone counts as speaking; the fake test tone and a normal voice are well above it. */
const SPEAKING_LEVEL = 0.02;
const POLL_MS = 250;

/**
 * Measures how loud each stream is, on this device, to highlight who is speaking. Nothing
 * measured here leaves the browser.
 */
export class SpeakerMeter {
  private readonly ctx: AudioContext | null;
  private readonly meters = new Map<string, { analyser: AnalyserNode; source: MediaStreamAudioSourceNode; trackId: string }>();
  private readonly timer: ReturnType<typeof setInterval>;
  private readonly buffer = new Float32Array(512);
  private speaking: string | null = null;

  constructor(private readonly onSpeaker: (id: string | null) => void) {
    const Ctor = typeof window !== "undefined" ? (window.AudioContext ?? (window as unknown as { webkitAudioContext?: typeof AudioContext }).webkitAudioContext) : undefined;
    this.ctx = Ctor ? new Ctor() : null;
    this.timer = setInterval(() => this.poll(), POLL_MS);
  }

  /** Keeps the measured streams in step with the grid. */
  track(streams: { id: string; stream: MediaStream | null }[]): void {
    if (!this.ctx) return;
    const wanted = new Set<string>();
    for (const { id, stream } of streams) {
      const track = stream?.getAudioTracks()[0];
      if (!track) continue;
      wanted.add(id);
      const existing = this.meters.get(id);
      if (existing?.trackId === track.id) continue;
      existing?.source.disconnect();
      const source = this.ctx.createMediaStreamSource(new MediaStream([track]));
      const analyser = this.ctx.createAnalyser();
      analyser.fftSize = 512;
      source.connect(analyser);
      this.meters.set(id, { analyser, source, trackId: track.id });
    }
    for (const [id, m] of this.meters) {
      if (wanted.has(id)) continue;
      m.source.disconnect();
      this.meters.delete(id);
    }
  }

  private poll(): void {
    if (!this.ctx) return;
    if (this.ctx.state === "suspended") void this.ctx.resume().catch(() => undefined);
    let loudest: string | null = null;
    let best = SPEAKING_LEVEL;
    for (const [id, m] of this.meters) {
      m.analyser.getFloatTimeDomainData(this.buffer);
      let sum = 0;
      for (const v of this.buffer) sum += v * v;
      const rms = Math.sqrt(sum / this.buffer.length);
      if (rms > best) {
        best = rms;
        loudest = id;
      }
    }
    if (loudest !== this.speaking) {
      this.speaking = loudest;
      this.onSpeaker(loudest);
    }
  }

  stop(): void {
    clearInterval(this.timer);
    for (const m of this.meters.values()) m.source.disconnect();
    this.meters.clear();
    void this.ctx?.close().catch(() => undefined);
  }
}
