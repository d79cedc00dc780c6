import { useEffect, useState } from "react";
import type { TranscriptionStatus } from "../../../../domain/api/media";
import { transcribeRecording } from "./api";
import type { CallEngine } from "./engine";
import { ServerCaptioner, serverCaptionsPossible } from "./serverCaptions";
import { Captioner, speechRecognitionAvailable, type CaptionProblem } from "./speech";
import { addOwnLine, type OwnLine } from "./toCoach";

/**
 * Live captions of what this person says, sent to the room and kept (the last few) for them.
 * They come from the browser's speech recognition or, where it has none and the studio's server
 * has a transcription engine, from recordings of this person's microphone sent to that engine.
 */
export function useCaptioning({
  engine,
  local,
  sessionId,
  seatToken,
  server,
  language,
}: {
  engine: CallEngine | null;
  local: MediaStream | null;
  sessionId: string;
  seatToken?: string;
  server: TranscriptionStatus | undefined;
  language: string;
}) {
  const [captionsOn, setCaptionsOn] = useState(false);
  const [captionProblem, setCaptionProblem] = useState<CaptionProblem | "unsupported" | null>(() => (speechRecognitionAvailable() ? null : "unsupported"));
  const [ownCaptions, setOwnCaptions] = useState<OwnLine[]>([]);
  const serverEngine = server?.available === true;

  useEffect(() => {
    if (!captionsOn || !engine) return;
    const browser = speechRecognitionAvailable();
    if (!browser && !(serverEngine && serverCaptionsPossible(local))) {
      setCaptionProblem("unsupported");
      setCaptionsOn(false);
      return;
    }
    setCaptionProblem(null);
    let n = 0;
    const lang = language.startsWith("he") ? "he-IL" : "en-US";
    const onText = (text: string, final: boolean) => {
      engine.sendCaption(text, final);
      n += 1;
      const at = Date.now();
      setOwnCaptions((lines) => addOwnLine(lines, { key: `me-${at}-${n}`, text, final, at }));
    };
    const onProblem = (p: CaptionProblem) => {
      setCaptionProblem(p);
      setCaptionsOn(false);
    };
    const captioner =
      browser || !local
        ? new Captioner(lang, onText, onProblem)
        : new ServerCaptioner(local, (audio) => transcribeRecording(sessionId, audio, lang.slice(0, 2), seatToken), onText, onProblem);
    if (!captioner.start()) setCaptionProblem("unavailable");
    return () => captioner.stop();
  }, [captionsOn, engine, language, serverEngine, local, sessionId, seatToken]);

  return { captionsOn, setCaptionsOn, captionProblem, ownCaptions, serverEngine };
}
