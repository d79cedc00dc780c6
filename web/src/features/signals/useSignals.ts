import { useCallback, useEffect, useRef, useState } from "react";
import type { ParticipantSignals, SignalsAggregate } from "../../../../domain/realtime";
import { SIGNALS_WINDOW_MS, engagementOf, quietNudges, type FaceWindow, type Nudge, type SessionMood, type SignalKind, type SignalsConsentAnswer, type VoiceWindow } from "../../../../domain/signals";
import { userToken } from "../sessions/token";
import { signalsApi } from "./api";
import { SignalsChannel } from "./channel";
import type { FaceLoad, FaceSampler } from "./face";
import type { VoiceSampler } from "./voice";

export type KindStatus = "off" | "starting" | "on" | "failed";

export interface MySignals {
  at: number;
  voice?: VoiceWindow;
  face?: FaceWindow;
  engagement?: number;
  load?: FaceLoad;
  sent: boolean;
}

const tokenGetter = (seatToken?: string) => (seatToken ? () => Promise.resolve<string | null>(seatToken) : () => userToken());

/**
 * A participant's side: their consent for this session, the on-device samplers it allows,
 * and a window sent every 10 s. Withdrawing stops the microphone or camera at once, before
 * the server even hears about it.
 */
export function useSignalsShare({ sessionId, seatToken }: { sessionId: string; seatToken?: string }) {
  const [consent, setConsent] = useState<SignalsConsentAnswer | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<Record<SignalKind, KindStatus>>({ voice: "off", face: "off" });
  const [mine, setMine] = useState<MySignals | null>(null);
  const voice = useRef<VoiceSampler | null>(null);
  const face = useRef<FaceSampler | null>(null);
  const channel = useRef<SignalsChannel | null>(null);

  useEffect(() => {
    let live = true;
    signalsApi
      .consent(sessionId, seatToken)
      .then((c) => live && setConsent(c))
      .catch((e: unknown) => live && setError(e instanceof Error ? e.message : String(e)));
    return () => {
      live = false;
    };
  }, [sessionId, seatToken]);

  const stopKind = useCallback((kind: SignalKind) => {
    const ref = kind === "voice" ? voice : face;
    ref.current?.stop();
    ref.current = null;
    setStatus((s) => ({ ...s, [kind]: "off" }));
  }, []);

  const kinds = consent?.kinds.join(",") ?? "";
  useEffect(() => {
    const wanted = new Set(kinds ? (kinds.split(",") as SignalKind[]) : []);
    for (const kind of ["voice", "face"] as const) {
      const ref = kind === "voice" ? voice : face;
      if (!wanted.has(kind)) {
        if (ref.current) stopKind(kind);
        continue;
      }
      if (ref.current) continue;
      setStatus((s) => ({ ...s, [kind]: "starting" }));
      // The samplers (and the face library) load only for people who chose them.
      const load = kind === "voice" ? import("./voice").then((m) => new m.VoiceSampler()) : import("./face").then((m) => new m.FaceSampler());
      void load.then(async (sampler) => {
        ref.current = sampler;
        try {
          await sampler.start();
          if (ref.current === sampler) setStatus((s) => ({ ...s, [kind]: "on" }));
        } catch {
          sampler.stop();
          if (ref.current === sampler) ref.current = null;
          setStatus((s) => ({ ...s, [kind]: "failed" }));
        }
      });
    }
    if (wanted.size && !channel.current) channel.current = new SignalsChannel(sessionId, tokenGetter(seatToken));
    if (!wanted.size && channel.current) {
      channel.current.close();
      channel.current = null;
    }
  }, [kinds, sessionId, seatToken, stopKind]);

  useEffect(() => {
    const tick = setInterval(() => {
      const v = voice.current && status.voice === "on" ? voice.current.take() : undefined;
      const f = face.current && status.face === "on" ? face.current.take() : undefined;
      if (!v && !f?.face) return;
      const engagement = engagementOf({ voice: v, face: f?.face });
      const sent = channel.current?.share({ sessionId, windowMs: SIGNALS_WINDOW_MS, ...(v ? { voice: v } : {}), ...(f?.face ? { face: f.face } : {}) }) ?? false;
      setMine({ at: Date.now(), voice: v, face: f?.face, engagement, load: f?.load, sent });
    }, SIGNALS_WINDOW_MS);
    return () => clearInterval(tick);
  }, [sessionId, status.voice, status.face]);

  useEffect(
    () => () => {
      voice.current?.stop();
      face.current?.stop();
      channel.current?.close();
      voice.current = face.current = null;
      channel.current = null;
    },
    [],
  );

  const choose = useCallback(
    async (next: SignalKind[]) => {
      // Stop what was withdrawn right away; the server is told next.
      for (const kind of ["voice", "face"] as const) if (!next.includes(kind)) stopKind(kind);
      setBusy(true);
      setError(null);
      try {
        setConsent(await signalsApi.choose(sessionId, next, seatToken));
        if (!next.length) setMine(null);
      } catch (e) {
        setError(e instanceof Error ? e.message : String(e));
      } finally {
        setBusy(false);
      }
    },
    [sessionId, seatToken, stopKind],
  );

  return { consent, error, busy, status, mine, choose };
}

export interface PersonFeed {
  signals?: ParticipantSignals;
  /** When they last spoke, or when they started sharing voice; for the "has not spoken" nudge. */
  lastSpokeAt?: number;
  stoppedAt?: number;
}

export interface GroupFeed {
  contributors: number;
  engagement?: number;
  valence?: number;
  talkShare: Record<string, number>;
}

/** The facilitators' side: live per-person windows (memory only), the group, and gentle nudges. */
export function useSignalsFeed({ sessionId, getToken = () => userToken() }: { sessionId: string; getToken?: () => Promise<string | null> }) {
  const [people, setPeople] = useState<Record<string, PersonFeed>>({});
  const [group, setGroup] = useState<GroupFeed>({ contributors: 0, talkShare: {} });
  const [mood, setMood] = useState<SessionMood | null>(null);
  const [now, setNow] = useState(() => Date.now());
  const tokens = useRef(getToken);
  tokens.current = getToken;

  useEffect(() => {
    const channel = new SignalsChannel(sessionId, () => tokens.current());
    const off = channel.onAggregate((a: SignalsAggregate) => {
      setPeople((prev) => {
        const next = { ...prev };
        for (const [id, s] of Object.entries(a.participants ?? {})) {
          const before = prev[id];
          const spoke = (s.voice?.speakingMs ?? 0) > 0;
          const lastSpokeAt = s.voice ? (spoke ? s.at : (before?.lastSpokeAt ?? s.at)) : before?.lastSpokeAt;
          next[id] = { signals: s, lastSpokeAt };
        }
        for (const id of a.stopped ?? []) next[id] = { stoppedAt: a.at };
        return next;
      });
      setGroup({ contributors: a.contributors, engagement: a.engagement, valence: a.valence, talkShare: a.talkShare ?? {} });
    });
    return () => {
      off();
      channel.close();
    };
  }, [sessionId]);

  useEffect(() => {
    let live = true;
    const load = () =>
      void signalsApi
        .mood(sessionId)
        .then((m) => live && setMood(m))
        .catch(() => undefined);
    load();
    const every = setInterval(load, 60_000);
    const clock = setInterval(() => setNow(Date.now()), 15_000);
    return () => {
      live = false;
      clearInterval(every);
      clearInterval(clock);
    };
  }, [sessionId]);

  // Someone whose last window is older than three windows is no longer live.
  const fresh = (p: PersonFeed) => p.signals && now - p.signals.at < 3 * SIGNALS_WINDOW_MS + 5_000;
  const spoke: Record<string, number> = {};
  for (const [id, p] of Object.entries(people)) if (fresh(p) && p.signals?.voice && p.lastSpokeAt) spoke[id] = p.lastSpokeAt;
  const nudges: Nudge[] = [...quietNudges(spoke, now), ...(mood?.nudge ? [mood.nudge] : [])];
  return { people, group, nudges, isLive: fresh, now };
}
