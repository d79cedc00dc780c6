import { useCallback, useEffect, useRef, useState } from "react";
import { browserStore } from "../../lib/storage";

/** How the coach's turns are read aloud; off unless the person turns it on. */
export interface SpeechSettings {
  speak: boolean;
  voiceURI: string | null;
  rate: number;
}

const KEY = "pyou.coach.speech";
export const DEFAULT_SPEECH: SpeechSettings = { speak: false, voiceURI: null, rate: 1 };
export const RATE_MIN = 0.5;
export const RATE_MAX = 2;

export function readSpeechSettings(): SpeechSettings {
  try {
    const raw = JSON.parse(browserStore().getItem(KEY) ?? "null") as Partial<SpeechSettings> | null;
    if (!raw || typeof raw !== "object") return DEFAULT_SPEECH;
    const rate = typeof raw.rate === "number" && Number.isFinite(raw.rate) ? Math.min(RATE_MAX, Math.max(RATE_MIN, raw.rate)) : 1;
    return { speak: raw.speak === true, voiceURI: typeof raw.voiceURI === "string" ? raw.voiceURI : null, rate };
  } catch {
    return DEFAULT_SPEECH;
  }
}

export function saveSpeechSettings(s: SpeechSettings): void {
  browserStore().setItem(KEY, JSON.stringify(s));
}

const synthesis = (): SpeechSynthesis | null => (typeof window !== "undefined" && "speechSynthesis" in window ? window.speechSynthesis : null);

/**
 * The voices to offer: those for the conversation's language first (a Hebrew conversation
 * read by an English voice is hard to follow), then the rest.
 */
export function voicesFor(voices: readonly SpeechSynthesisVoice[], language: string): SpeechSynthesisVoice[] {
  const base = language.split("-")[0].toLowerCase();
  const matches = (v: SpeechSynthesisVoice) => v.lang.toLowerCase().split(/[-_]/)[0] === base || (base === "he" && v.lang.toLowerCase().startsWith("iw"));
  return [...voices.filter(matches), ...voices.filter((v) => !matches(v))];
}

/** The browser's voices (they often arrive after the page loads) and a way to speak a text. */
export function useSpeaker() {
  const synth = synthesis();
  const [voices, setVoices] = useState<SpeechSynthesisVoice[]>(() => synth?.getVoices() ?? []);
  useEffect(() => {
    if (!synth) return;
    const update = () => setVoices(synth.getVoices());
    update();
    synth.addEventListener("voiceschanged", update);
    return () => {
      synth.removeEventListener("voiceschanged", update);
      synth.cancel();
    };
  }, [synth]);

  const speak = useCallback(
    (text: string, language: string, settings: SpeechSettings) => {
      if (!synth || !text.trim()) return;
      synth.cancel();
      const utterance = new SpeechSynthesisUtterance(text);
      utterance.lang = language;
      utterance.rate = settings.rate;
      const voice = voices.find((v) => v.voiceURI === settings.voiceURI);
      if (voice) utterance.voice = voice;
      synth.speak(utterance);
    },
    [synth, voices],
  );
  const silence = useCallback(() => synth?.cancel(), [synth]);
  return { available: synth !== null, voices, speak, silence };
}

interface RecognitionResultLike {
  readonly isFinal: boolean;
  readonly 0: { transcript: string };
}
interface RecognitionEventLike {
  readonly resultIndex: number;
  readonly results: ArrayLike<RecognitionResultLike>;
}
interface RecognitionLike {
  lang: string;
  continuous: boolean;
  interimResults: boolean;
  onresult: ((e: RecognitionEventLike) => void) | null;
  onerror: ((e: { error: string }) => void) | null;
  onend: (() => void) | null;
  start(): void;
  stop(): void;
  abort(): void;
}
type RecognitionCtor = new () => RecognitionLike;

export function recognitionConstructor(w: unknown = typeof window !== "undefined" ? window : undefined): RecognitionCtor | null {
  const host = w as { SpeechRecognition?: RecognitionCtor; webkitSpeechRecognition?: RecognitionCtor } | undefined;
  return host?.SpeechRecognition ?? host?.webkitSpeechRecognition ?? null;
}

/**
 * Dictation where the browser offers speech recognition. `onText` receives each final
 * phrase; `interim` is what is being heard right now.
 */
export function useDictation(language: string, onText: (text: string) => void) {
  const Ctor = recognitionConstructor();
  const [listening, setListening] = useState(false);
  const [interim, setInterim] = useState("");
  const [error, setError] = useState<string | null>(null);
  const ref = useRef<RecognitionLike | null>(null);
  const onTextRef = useRef(onText);
  onTextRef.current = onText;

  useEffect(() => () => ref.current?.abort(), []);

  const start = useCallback(() => {
    if (!Ctor || ref.current) return;
    const rec = new Ctor();
    rec.lang = language;
    rec.continuous = true;
    rec.interimResults = true;
    rec.onresult = (e) => {
      let heard = "";
      for (let i = e.resultIndex; i < e.results.length; i++) {
        const r = e.results[i];
        if (r.isFinal) onTextRef.current(r[0].transcript.trim());
        else heard += r[0].transcript;
      }
      setInterim(heard);
    };
    rec.onerror = (e) => setError(e.error);
    rec.onend = () => {
      ref.current = null;
      setListening(false);
      setInterim("");
    };
    setError(null);
    try {
      rec.start();
      ref.current = rec;
      setListening(true);
    } catch {
      setError("start-failed");
    }
  }, [Ctor, language]);

  const stop = useCallback(() => ref.current?.stop(), []);
  return { available: Ctor !== null, listening, interim, error, start, stop };
}
