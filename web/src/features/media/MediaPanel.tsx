import { useQuery } from "@tanstack/react-query";
import { useCallback, useEffect, useId, useRef, useState, useSyncExternalStore } from "react";
import { useTranslation } from "react-i18next";
import { MESH_MAX_PEERS } from "../../../../domain/realtime-media";
import { Button } from "../../components/Button";
import { useLive } from "../sessions/live/LiveProvider";
import { mediaTransport, transcriptionStatus } from "./api";
import { Captions, captionAvailability, type CaptionLine } from "./Captions";
import { CaptionsToCoach } from "./CaptionsToCoach";
import { DeviceError, listDevices, openLocalMedia, problemOf, stopStream, type DeviceLists, type DeviceProblem } from "./devices";
import { EMPTY_CALL, type CallEngine } from "./engine";
import { SpeakerMeter } from "./levels";
import { MeshCall } from "./mesh";
import { speechRecognitionAvailable } from "./speech";
import { Tile } from "./Tile";
import { useCaptioning } from "./useCaptioning";

type Phase = "idle" | "preview" | "joining" | "call";

const box = "space-y-3 rounded-xl border border-stone-300 bg-white p-4 dark:border-stone-700 dark:bg-stone-900";
const select = "min-h-11 w-full rounded-lg border border-stone-400 bg-white px-3 dark:border-stone-500 dark:bg-stone-950";
const noEngine = { subscribe: () => () => undefined, getSnapshot: () => EMPTY_CALL };

/**
 * The session's audio and video: set up devices with a preview, then a call with the people
 * the session puts in the same room. Mounted in the facilitator console and the participant view.
 */
export function MediaPanel({ seatToken }: { seatToken?: string }) {
  const { t, i18n } = useTranslation("media");
  const { client, snapshot, me } = useLive();
  const state = snapshot.state;
  const role = me && state ? state.participants[me]?.role : undefined;
  const headingId = useId();

  const [phase, setPhase] = useState<Phase>("idle");
  const [useCamera, setUseCamera] = useState(true);
  const [useMicrophone, setUseMicrophone] = useState(true);
  const [cameraId, setCameraId] = useState("");
  const [microphoneId, setMicrophoneId] = useState("");
  const [devices, setDevices] = useState<DeviceLists>({ cameras: [], microphones: [] });
  const [local, setLocal] = useState<MediaStream | null>(null);
  const [problem, setProblem] = useState<{ kind: DeviceProblem; partly: boolean } | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [engine, setEngine] = useState<CallEngine | null>(null);
  const [muted, setMuted] = useState(false);
  const [cameraOff, setCameraOff] = useState(false);
  const [screen, setScreen] = useState<MediaStream | null>(null);
  /** Why the last try to share the screen did not start: the person closed the picker (or refused), or the browser could not. */
  const [shareProblem, setShareProblem] = useState<"cancelled" | "failed" | null>(null);
  const [speaker, setSpeaker] = useState<string | null>(null);
  const localRef = useRef<MediaStream | null>(null);
  localRef.current = local;
  const screenRef = useRef<MediaStream | null>(null);
  screenRef.current = screen;
  // What ending a share needs to know, current even when the browser's own "Stop sharing" ends it later.
  const latest = useRef({ engine, muted, cameraOff });
  latest.current = { engine, muted, cameraOff };
  const meter = useRef<SpeakerMeter | null>(null);

  const call = useSyncExternalStore(engine?.subscribe ?? noEngine.subscribe, engine?.getSnapshot ?? noEngine.getSnapshot);
  // Asked once the person sets up their call, so the captions can say what this studio offers.
  const transcription = useQuery({ queryKey: ["media", "transcription"], queryFn: () => transcriptionStatus(seatToken), enabled: phase !== "idle", staleTime: 5 * 60_000, retry: false });
  const { captionsOn, setCaptionsOn, captionProblem, ownCaptions, serverEngine } = useCaptioning({
    engine,
    local,
    sessionId: state?.sessionId ?? "",
    seatToken,
    server: transcription.data,
    language: i18n.language,
  });

  // Opening (or re-opening, after a different device is chosen) the preview.
  const openPreview = useCallback(async () => {
    setProblem(null);
    stopStream(localRef.current);
    setLocal(null);
    try {
      const { stream, problem: partly } = await openLocalMedia({ camera: useCamera, microphone: useMicrophone, cameraId: cameraId || undefined, microphoneId: microphoneId || undefined });
      setLocal(stream);
      if (partly) setProblem({ kind: partly, partly: true });
      setDevices(await listDevices().catch(() => ({ cameras: [], microphones: [] })));
    } catch (err) {
      setProblem({ kind: err instanceof DeviceError ? err.problem : problemOf(err), partly: false });
    }
  }, [useCamera, useMicrophone, cameraId, microphoneId]);

  useEffect(() => {
    if (phase === "preview") void openPreview();
  }, [phase, openPreview]);

  // Everything stops when the panel goes: the call, the camera, the microphone.
  useEffect(
    () => () => {
      stopStream(localRef.current);
    },
    [],
  );
  useEffect(() => () => engine?.leave(), [engine]);
  useEffect(() => () => stopStream(screen), [screen]);

  const join = async () => {
    if (!client) return;
    setPhase("joining");
    setFailure(null);
    try {
      const sessionId = state?.sessionId ?? "";
      const transport = await mediaTransport(sessionId, seatToken);
      const onJoined = client.onJoined.bind(client);
      let next: CallEngine;
      if (transport.mode === "livekit") {
        const { LiveKitCall } = await import("./livekit");
        next = new LiveKitCall(sessionId, async (visit) => {
          const again = await mediaTransport(sessionId, seatToken, visit);
          if (again.mode !== "livekit") throw new Error("The studio no longer offers LiveKit for this session.");
          return again;
        }, onJoined, transport);
      } else {
        next = new MeshCall(sessionId, transport.iceServers, onJoined);
      }
      const stream = local ?? new MediaStream();
      setLocal(stream);
      next.start(stream);
      setEngine(next);
      setPhase("call");
    } catch (err) {
      setFailure(err instanceof Error ? err.message : String(err));
      setPhase("preview");
    }
  };

  const leave = () => {
    engine?.leave();
    setEngine(null);
    stopStream(local);
    setLocal(null);
    setScreen(null);
    setShareProblem(null);
    setCaptionsOn(false);
    setMuted(false);
    setCameraOff(false);
    setPhase("idle");
  };

  const hasAudio = (local?.getAudioTracks().length ?? 0) > 0;
  const hasVideo = (local?.getVideoTracks().length ?? 0) > 0;

  const toggleMute = () => {
    const next = !muted;
    for (const tr of local?.getAudioTracks() ?? []) tr.enabled = !next;
    setMuted(next);
    engine?.setState({ audio: hasAudio && !next, video: hasVideo && !cameraOff, screen: screen !== null });
  };

  const toggleCamera = () => {
    const next = !cameraOff;
    for (const tr of local?.getVideoTracks() ?? []) tr.enabled = !next;
    setCameraOff(next);
    engine?.setState({ audio: hasAudio && !muted, video: hasVideo && !next, screen: screen !== null });
  };

  /** Back to the camera, from the Stop button or from the browser's own control that ends the capture. */
  const endShare = async (shared: MediaStream) => {
    if (screenRef.current !== shared) return;
    screenRef.current = null;
    const { engine: e, muted: m, cameraOff: off } = latest.current;
    const camera = localRef.current?.getVideoTracks()[0] ?? null;
    await e?.replaceVideo(camera);
    setScreen(null);
    e?.setState({ audio: (localRef.current?.getAudioTracks().length ?? 0) > 0 && !m, video: camera !== null && !off, screen: false });
  };

  const toggleShare = async () => {
    setShareProblem(null);
    if (screen) return endShare(screen);
    let shared: MediaStream;
    try {
      shared = await navigator.mediaDevices.getDisplayMedia({ video: true, audio: false });
    } catch (err) {
      // Closing the picker or saying no is a choice, not an error: the call simply goes on.
      setShareProblem(err instanceof DOMException && (err.name === "NotAllowedError" || err.name === "AbortError") ? "cancelled" : "failed");
      return;
    }
    const track = shared.getVideoTracks()[0];
    if (!track) return stopStream(shared);
    track.addEventListener("ended", () => void endShare(shared));
    screenRef.current = shared;
    setScreen(shared);
    try {
      await engine?.replaceVideo(track);
      engine?.setState({ audio: hasAudio && !muted, video: hasVideo && !cameraOff, screen: true });
    } catch {
      await endShare(shared);
      setShareProblem("failed");
    }
  };

  // Live captions of what this person says, shown here and sent to the room.
  const myName = (me && state?.participants[me]?.displayName) || t("someone");

  // Who is speaking, from sound levels measured on this device.
  useEffect(() => {
    if (phase !== "call") return;
    const m = new SpeakerMeter(setSpeaker);
    meter.current = m;
    return () => {
      m.stop();
      meter.current = null;
    };
  }, [phase]);
  useEffect(() => {
    meter.current?.track([{ id: "self", stream: muted ? null : local }, ...call.peers.filter((p) => p.audio).map((p) => ({ id: p.peerId, stream: p.stream }))]);
  }, [call.peers, local, muted]);

  if (!state || !me || role === undefined) return null;
  const nameOf = (participantId: string) => state.participants[participantId]?.displayName ?? t("someone");
  const roomName = (breakout: number | null | undefined) => (breakout === null || breakout === undefined ? t("mainRoom") : t("breakoutRoom", { number: breakout + 1 }));
  const deviceMessage = problem ? (problem.partly ? t("partly", { problem: t(`devices.${problem.kind}`) }) : t(`devices.${problem.kind}`)) : null;

  const others = call.peers.length;
  const status =
    phase !== "call"
      ? null
      : call.status === "reconnecting"
        ? t("dropped")
        : call.status === "joining"
          ? t("joining")
          : call.status === "joined"
            ? others === 0
              ? t("alone", { room: roomName(call.room?.breakout) })
              : others === 1
                ? t("withOne", { room: roomName(call.room?.breakout) })
                : t("withOthers", { room: roomName(call.room?.breakout), count: others })
            : null;
  const error = call.status === "full" ? t("full", { max: MESH_MAX_PEERS }) : call.status === "failed" ? t("failed", { message: call.error ?? "" }) : failure ? t("failed", { message: failure }) : null;

  const captionLines: CaptionLine[] = [
    ...call.captions.map((c, i) => ({ key: `${c.peerId}-${c.at}-${i}`, name: nameOf(c.participantId), text: c.text, final: c.final, at: c.at })),
    ...ownCaptions.slice(-8).map((c) => ({ ...c, name: myName })),
  ]
    .sort((a, b) => a.at - b.at)
    // Only the newest interim line per speaker: the next replaces it.
    .filter((l, i, all) => l.final || !all.slice(i + 1).some((m) => m.name === l.name));
  const captionNote = role === "participant" ? t("captions.consent") : null;
  const availability = captionAvailability(speechRecognitionAvailable(), transcription.data);
  const availabilityId = `${headingId}-captions-availability`;
  const shareNoteId = `${headingId}-share-note`;
  const tiles = 1 + others;
  const cols = tiles <= 1 ? "grid-cols-1" : tiles <= 4 ? "grid-cols-1 min-[480px]:grid-cols-2" : "grid-cols-2 lg:grid-cols-3";

  return (
    <section aria-labelledby={headingId} className={box} data-testid="media-panel">
      <h2 id={headingId} className="text-lg font-semibold">
        {t("title")}
      </h2>
      <div role="status" aria-live="polite" className="text-sm">
        {status}
      </div>
      <div role="alert" aria-live="assertive" className="text-sm">
        {error || deviceMessage ? <p className="rounded-lg border-s-4 border-red-700 bg-red-50 px-3 py-2 text-red-900 dark:border-red-400 dark:bg-red-950 dark:text-red-100">{error ?? deviceMessage}</p> : null}
      </div>

      {phase === "idle" ? (
        <>
          <p className="text-sm text-stone-700 dark:text-stone-300">{t("intro")}</p>
          <Button onClick={() => setPhase("preview")} disabled={!client}>
            {t("setUp")}
          </Button>
        </>
      ) : null}

      {phase === "preview" || phase === "joining" ? (
        <div className="grid gap-3 sm:grid-cols-2">
          <div className="aspect-video overflow-hidden rounded-lg bg-stone-800">
            {local && local.getVideoTracks().length > 0 ? (
              <PreviewVideo stream={local} label={t("previewLabel")} />
            ) : (
              <p className="flex h-full items-center justify-center text-sm text-white">{problem || !useCamera ? t("noPicture") : t("opening")}</p>
            )}
          </div>
          <div className="space-y-3">
            <label className="flex min-h-11 items-center gap-2">
              <input type="checkbox" checked={useCamera} onChange={(e) => setUseCamera(e.target.checked)} className="h-5 w-5" />
              {t("useCamera")}
            </label>
            {useCamera && devices.cameras.length > 0 ? (
              <label className="block text-sm font-medium">
                {t("camera")}
                <select className={select} value={cameraId} onChange={(e) => setCameraId(e.target.value)}>
                  <option value="">{t("defaultDevice")}</option>
                  {devices.cameras.map((d, i) => (
                    <option key={d.deviceId} value={d.deviceId}>
                      {d.label || `${t("camera")} ${i + 1}`}
                    </option>
                  ))}
                </select>
              </label>
            ) : null}
            <label className="flex min-h-11 items-center gap-2">
              <input type="checkbox" checked={useMicrophone} onChange={(e) => setUseMicrophone(e.target.checked)} className="h-5 w-5" />
              {t("useMicrophone")}
            </label>
            {useMicrophone && devices.microphones.length > 0 ? (
              <label className="block text-sm font-medium">
                {t("microphone")}
                <select className={select} value={microphoneId} onChange={(e) => setMicrophoneId(e.target.value)}>
                  <option value="">{t("defaultDevice")}</option>
                  {devices.microphones.map((d, i) => (
                    <option key={d.deviceId} value={d.deviceId}>
                      {d.label || `${t("microphone")} ${i + 1}`}
                    </option>
                  ))}
                </select>
              </label>
            ) : null}
            <div className="flex flex-wrap gap-2">
              <Button onClick={() => void join()} busy={phase === "joining"}>
                {phase === "joining" ? t("joining") : t("join")}
              </Button>
              {problem && !problem.partly ? (
                <Button variant="secondary" onClick={() => void openPreview()}>
                  {t("tryAgain")}
                </Button>
              ) : null}
              <Button
                variant="ghost"
                onClick={() => {
                  stopStream(local);
                  setLocal(null);
                  setProblem(null);
                  setPhase("idle");
                }}
              >
                {t("cancel")}
              </Button>
            </div>
          </div>
        </div>
      ) : null}

      {phase === "call" ? (
        <>
          <ul aria-label={t("grid")} className={`grid gap-2 ${cols}`}>
            <Tile id="self" name={t("you", { name: myName })} stream={screen ?? local} self audio={hasAudio && !muted} video={hasVideo && !cameraOff} screen={screen !== null} speaking={speaker === "self"} />
            {call.peers.map((p) => (
              <Tile key={p.peerId} id={p.peerId} name={nameOf(p.participantId)} stream={p.stream} self={false} audio={p.audio} video={p.video} screen={p.screen} speaking={speaker === p.peerId} status={p.status} />
            ))}
          </ul>
          <div role="group" aria-label={t("controls")} className="flex flex-wrap gap-2">
            <Button variant="secondary" aria-pressed={muted} onClick={toggleMute} disabled={!hasAudio}>
              {muted ? t("unmute") : t("mute")}
            </Button>
            <Button variant="secondary" aria-pressed={cameraOff} onClick={toggleCamera} disabled={!hasVideo}>
              {cameraOff ? t("cameraOn") : t("cameraOff")}
            </Button>
            {typeof navigator !== "undefined" && navigator.mediaDevices && "getDisplayMedia" in navigator.mediaDevices ? (
              <Button variant="secondary" aria-pressed={screen !== null} onClick={() => void toggleShare()} aria-describedby={shareProblem ? shareNoteId : undefined}>
                {screen ? t("stopShare") : t("share")}
              </Button>
            ) : null}
            <Button
              variant="secondary"
              aria-pressed={captionsOn}
              onClick={() => setCaptionsOn((on) => !on)}
              disabled={!hasAudio || (captionProblem === "unsupported" && !serverEngine)}
              aria-describedby={availability ? availabilityId : undefined}
            >
              {captionsOn ? t("captionsOff") : t("captionsOn")}
            </Button>
            <Button variant="danger" onClick={leave}>
              {t("leave")}
            </Button>
          </div>
          {/* Polite, not an alert: a closed screen picker is the person's own choice. */}
          <p id={shareNoteId} aria-live="polite" className="text-sm empty:hidden">
            {shareProblem === "cancelled" ? t("shareCancelled") : shareProblem === "failed" ? t("shareFailed") : null}
          </p>
          {role !== "participant" && state.breakouts.rooms.length > 0 ? (
            <label className="block max-w-xs text-sm font-medium">
              {t("visit")}
              <select className={select} value={call.room?.breakout ?? ""} onChange={(e) => engine?.visit(e.target.value === "" ? null : Number(e.target.value))}>
                <option value="">{t("mainRoom")}</option>
                {state.breakouts.rooms.map((r) => (
                  <option key={r.index} value={r.index}>
                    {roomName(r.index)}
                  </option>
                ))}
              </select>
            </label>
          ) : null}
          <Captions
            lines={captionLines}
            problem={captionProblem && !(captionProblem === "unsupported" && availability) ? t(`captions.${captionProblem}`) : null}
            note={captionNote}
            availability={availability}
            availabilityId={availabilityId}
          />
          {role === "participant" ? <CaptionsToCoach owner={{ sessionId: state.sessionId, participantId: me }} lines={ownCaptions} captionsOn={captionsOn} /> : null}
        </>
      ) : null}
    </section>
  );
}

function PreviewVideo({ stream, label }: { stream: MediaStream; label: string }) {
  const ref = useRef<HTMLVideoElement>(null);
  useEffect(() => {
    if (ref.current) ref.current.srcObject = stream;
  }, [stream]);
  return <video ref={ref} autoPlay playsInline muted aria-label={label} className="h-full w-full -scale-x-100 object-cover" />;
}
