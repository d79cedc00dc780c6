// A participant's own caption lines, and the hand-off that puts some of them into their private
// coach panel as a draft. Nothing moves on its own: only the person's explicit choice calls
// `sendToCoach`, and the coach panel shows the words for review before anything is sent.

/** One phrase this person said, as their own speech recognition heard it. */
export interface OwnLine {
  key: string;
  text: string;
  /** A finished phrase; an unfinished one is still being spoken and may change. */
  final: boolean;
  at: number;
}

/** Finished phrases kept in this tab (never stored) for "send my last lines". */
export const KEEP_OWN_LINES = 20;
/** The most the coach takes in one message (SendMessageInput in domain/api/coach.ts). */
export const COACH_TEXT_MAX = 4000;

/** Adds a heard phrase: the new unfinished words replace the previous ones; the oldest finished phrases fall off. */
export function addOwnLine(lines: readonly OwnLine[], line: OwnLine): OwnLine[] {
  const finished = [...lines.filter((l) => l.final), ...(line.final ? [line] : [])].slice(-KEEP_OWN_LINES);
  return line.final ? finished : [...finished, line];
}

/** My last `n` finished phrases, oldest first. Words still being spoken are left out. */
export function lastFinished(lines: readonly OwnLine[], n: number): OwnLine[] {
  if (n <= 0) return [];
  return lines.filter((l) => l.final && l.text.trim() !== "").slice(-n);
}

/**
 * The words as the coach receives them: phrases one per line. Past the coach's limit the oldest
 * words go first, at a phrase boundary where possible.
 */
export function textForCoach(lines: readonly Pick<OwnLine, "text">[]): string {
  const phrases = lines.map((l) => l.text.trim()).filter(Boolean);
  let text = phrases.join("\n");
  while (text.length > COACH_TEXT_MAX && phrases.length > 1) {
    phrases.shift();
    text = phrases.join("\n");
  }
  return text.length > COACH_TEXT_MAX ? text.slice(text.length - COACH_TEXT_MAX).trimStart() : text;
}

/** Whose coach: a coach panel takes words only for its own seat in its own session. */
export interface CoachOwner {
  sessionId: string;
  participantId: string;
}

type Receive = (text: string) => void;
const inboxes = new Map<string, Receive>();
const watchers = new Set<() => void>();
const keyOf = (owner: CoachOwner) => `${owner.sessionId}\n${owner.participantId}`;
const changed = () => {
  for (const w of watchers) w();
};

/** The coach panel opens its inbox while it is shown; the returned function closes it. */
export function openCoachInbox(owner: CoachOwner, receive: Receive): () => void {
  const key = keyOf(owner);
  inboxes.set(key, receive);
  changed();
  return () => {
    if (inboxes.get(key) !== receive) return;
    inboxes.delete(key);
    changed();
  };
}

/** Whether this person has a private coach on this page to send words to. */
export function hasCoachInbox(owner: CoachOwner): boolean {
  return inboxes.has(keyOf(owner));
}

/** For useSyncExternalStore: told when a coach panel opens or closes its inbox. */
export function watchCoachInboxes(listener: () => void): () => void {
  watchers.add(listener);
  return () => watchers.delete(listener);
}

/** Puts the words into the person's coach panel as a draft; false when there is no panel to take them. */
export function sendToCoach(owner: CoachOwner, text: string): boolean {
  const receive = inboxes.get(keyOf(owner));
  const words = text.trim();
  if (!receive || !words) return false;
  receive(words);
  return true;
}
