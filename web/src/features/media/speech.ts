// Live captions from the browser's own speech recognition (Chromium, Safari). Types are
// declared here: the DOM library does not include this API yet.

interface RecognitionResult {
  readonly isFinal: boolean;
  readonly 0: { transcript: string };
}
interface RecognitionEvent {
  readonly resultIndex: number;
  readonly results: { readonly length: number; readonly [i: number]: RecognitionResult };
}
interface Recognition {
  lang: string;
  continuous: boolean;
  interimResults: boolean;
  onresult: ((e: RecognitionEvent) => void) | null;
  onerror: ((e: { error: string }) => void) | null;
  onend: (() => void) | null;
  start(): void;
  stop(): void;
}
type RecognitionConstructor = new () => Recognition;

function recognitionClass(): RecognitionConstructor | null {
  if (typeof window === "undefined") return null;
  const w = window as unknown as { SpeechRecognition?: RecognitionConstructor; webkitSpeechRecognition?: RecognitionConstructor };
  return w.SpeechRecognition ?? w.webkitSpeechRecognition ?? null;
}

export function speechRecognitionAvailable(): boolean {
  return recognitionClass() !== null;
}

export type CaptionProblem = "denied" | "unavailable";

/** Interim words at most this often: enough to feel live, few enough for a small room. */
const INTERIM_EVERY_MS = 400;

/**
 * Listens to this person's microphone and reports phrases as they are spoken. It restarts
 * itself after the browser's pauses until stopped.
 */
export class Captioner {
  private recognition: Recognition | null = null;
  private running = false;
  private lastInterim = 0;

  constructor(
    private readonly lang: string,
    private readonly onText: (text: string, final: boolean) => void,
    private readonly onProblem: (problem: CaptionProblem) => void,
  ) {}

  start(): boolean {
    const Ctor = recognitionClass();
    if (!Ctor) return false;
    const r = new Ctor();
    r.lang = this.lang;
    r.continuous = true;
    r.interimResults = true;
    r.onresult = (e) => {
      for (let i = e.resultIndex; i < e.results.length; i++) {
        const result = e.results[i];
        const text = result[0].transcript.trim();
        if (!text) continue;
        if (result.isFinal) this.onText(text, true);
        else if (Date.now() - this.lastInterim > INTERIM_EVERY_MS) {
          this.lastInterim = Date.now();
          this.onText(text, false);
        }
      }
    };
    r.onerror = (e) => {
      if (e.error === "no-speech" || e.error === "aborted") return;
      this.running = false;
      this.onProblem(e.error === "not-allowed" ? "denied" : "unavailable");
    };
    r.onend = () => {
      if (this.running) {
        try {
          r.start();
        } catch {
          this.running = false;
        }
      }
    };
    this.recognition = r;
    this.running = true;
    try {
      r.start();
    } catch {
      this.running = false;
      return false;
    }
    return true;
  }

  stop(): void {
    this.running = false;
    this.recognition?.stop();
    this.recognition = null;
  }
}
