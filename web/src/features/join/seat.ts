import { browserStore } from "../../lib/storage";

/** A guest's place in one session; kept so a reload (or a phone that slept) rejoins the same seat. */
export interface Seat {
  code: string;
  sessionId: string;
  participantId: string;
  token: string;
  title: string;
  displayName: string;
}

const key = (code: string) => `pyou.seat.${normalizeCode(code)}`;

/** Codes are read aloud and typed by hand: spaces, dashes and case do not matter. */
export function normalizeCode(code: string): string {
  return code.toUpperCase().replace(/[\s-]/g, "");
}

export const seats = {
  load(code: string): Seat | null {
    const raw = browserStore().getItem(key(code));
    if (!raw) return null;
    try {
      const seat = JSON.parse(raw) as Partial<Seat>;
      return seat.sessionId && seat.participantId && seat.token ? (seat as Seat) : null;
    } catch {
      return null;
    }
  },
  save: (seat: Seat) => browserStore().setItem(key(seat.code), JSON.stringify(seat)),
  forget: (code: string) => browserStore().removeItem(key(code)),
};
