import Meyda from "meyda";
import { VoiceAggregator, type VoiceWindow } from "../../../../domain/signals";
import { estimatePitch } from "./pitch";

interface MeydaFeatures {
  rms?: number;
  spectralFlatness?: number;
  buffer?: Float32Array | number[];
}
interface Analyzer {
  start(): void;
  stop(): void;
}
interface AnalyzerFactory {
  createMeydaAnalyzer(options: { audioContext: AudioContext; source: AudioNode; bufferSize: number; featureExtractors: string[]; callback: (f: MeydaFeatures) => void }): Analyzer;
}

/**
 * The microphone, reduced on the device to a few numbers per frame (loudness, flatness,
 * pitch) and then to one window every 10 s. The audio itself is never stored, recorded or
 * sent: each buffer is read once by the analyser and dropped.
 */
export class VoiceSampler {
  private stream: MediaStream | null = null;
  private context: AudioContext | null = null;
  private analyzer: Analyzer | null = null;
  private readonly aggregator = new VoiceAggregator();
  private startedAt = 0;
  private windowStart = 0;

  async start(): Promise<void> {
    this.stream = await navigator.mediaDevices.getUserMedia({ audio: { echoCancellation: true, noiseSuppression: true }, video: false });
    this.context = new AudioContext();
    await this.context.resume().catch(() => undefined);
    const source = this.context.createMediaStreamSource(this.stream);
    const sampleRate = this.context.sampleRate;
    this.startedAt = performance.now();
    this.windowStart = this.startedAt;
    this.analyzer = (Meyda as unknown as AnalyzerFactory).createMeydaAnalyzer({
      audioContext: this.context,
      source,
      bufferSize: 2048,
      featureExtractors: ["rms", "spectralFlatness", "buffer"],
      callback: (f) => {
        const samples = f.buffer;
        this.aggregator.push({
          t: performance.now() - this.startedAt,
          rms: f.rms ?? 0,
          flatness: Number.isFinite(f.spectralFlatness) ? (f.spectralFlatness ?? 1) : 1,
          pitchHz: samples ? estimatePitch(samples, sampleRate) : null,
        });
      },
    });
    this.analyzer.start();
  }

  /** The window since the last call. */
  take(): VoiceWindow {
    const now = performance.now();
    const ms = Math.max(1000, Math.round(now - this.windowStart));
    this.windowStart = now;
    return this.aggregator.take(ms);
  }

  stop(): void {
    this.analyzer?.stop();
    this.analyzer = null;
    for (const track of this.stream?.getTracks() ?? []) track.stop();
    this.stream = null;
    void this.context?.close().catch(() => undefined);
    this.context = null;
  }
}
