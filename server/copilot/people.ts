import type { CopilotPerson, CopilotView } from "../../domain/api/copilot";
import { activeParticipants, type SessionState } from "../../domain/session";
import { isCrisis, classifySafety } from "../coach/safety";
import { keyPhrase, type CoachLanguage } from "../coach/engine/index";

// Who is in the room and what the group has said, read from the facilitator's copy of the
// state. Private reflections count as "reflected" (the facilitator already sees that one was
// written) but their words are never read.

const person = (state: SessionState, id: string): CopilotPerson => ({ participantId: id, displayName: state.participants[id]?.displayName ?? "" });

/** Participants (not facilitators) who are in the session now, in the order they joined. */
export function participantsOf(state: SessionState): string[] {
  return activeParticipants(state, "participant")
    .sort((a, b) => a.joinedAt - b.joinedAt)
    .map((p) => p.id);
}

export function sharedReflections(state: SessionState) {
  return state.reflections.filter((r) => r.visibility === "shared" && !r.redacted && state.participants[r.participantId]?.role === "participant");
}

export interface Quiet {
  notHeardFrom: CopilotPerson[];
  notReflected: CopilotPerson[];
  care: CopilotPerson[];
}

export function quietPeople(state: SessionState): Quiet {
  const ids = participantsOf(state);
  const heard = new Set([...state.chat.map((m) => m.participantId), ...sharedReflections(state).map((r) => r.participantId)]);
  const reflected = new Set(state.reflections.map((r) => r.participantId));
  const care = new Set<string>();
  for (const said of [...sharedReflections(state), ...state.chat]) {
    if (!ids.includes(said.participantId)) continue;
    const kind = classifySafety(said.text);
    if (kind && isCrisis(kind)) care.add(said.participantId);
  }
  return {
    notHeardFrom: ids.filter((id) => !heard.has(id)).map((id) => person(state, id)),
    notReflected: ids.filter((id) => !reflected.has(id)).map((id) => person(state, id)),
    care: [...care].map((id) => person(state, id)),
  };
}

// Words that carry no theme of their own.
const FILLER = new Set(
  (
    "a about after again all also am an and any are as at be because been before being but by can could did do does doing down for from had has have having he her here hers him his how i if in into is it its just like me more most my myself no not now of off on once only or other our ours out over own same she so some still such than that the their them then there these they this those through to too under until up very was we were what when where which while who whom why will with would you your yours " +
    "feel feels felt think thought know see seems keep keeps going get gets got make makes really something thing things way lot bit maybe much many one ones card picture image word today"
  ).split(" "),
);

function contentWords(text: string): string[] {
  return (text.toLowerCase().match(/\p{L}[\p{L}'’-]*/gu) ?? []).map((w) => w.replace(/['’]s$/, "")).filter((w) => w.length >= 3 && !FILLER.has(w));
}

/**
 * The theme emerging from what the group shared: the key phrase of the newest reflection that
 * has one, and the words more than one reflection uses. Words of people who may need care are
 * left out, so their pain never becomes the group's topic.
 */
export function emergingTheme(state: SessionState, language: CoachLanguage, care: ReadonlySet<string>): CopilotView["theme"] {
  const shared = sharedReflections(state).filter((r) => !care.has(r.participantId));
  if (shared.length === 0) return null;
  const counts = new Map<string, number>();
  for (const r of shared) for (const w of new Set(contentWords(r.text))) counts.set(w, (counts.get(w) ?? 0) + 1);
  const words = [...counts]
    .filter(([, n]) => n >= 2)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, 5)
    .map(([w]) => w);
  let phrase: string | null = null;
  for (const r of [...shared].sort((a, b) => b.at - a.at)) {
    phrase = keyPhrase(r.text, language);
    if (phrase) break;
  }
  phrase ??= words.slice(0, 3).join(", ") || contentWords(shared[shared.length - 1].text).slice(0, 3).join(" ");
  if (!phrase) return null;
  return { phrase, words, reflections: shared.length };
}
