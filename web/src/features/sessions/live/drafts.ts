import { browserStore } from "../../../lib/storage";

// Typed words must survive a reload, a lost connection or a closed tab: a draft stays in
// localStorage until the server has stored what it became.
const key = (sessionId: string, name: string) => `pyou.draft.${sessionId}.${name}`;

export const drafts = {
  load: (sessionId: string, name: string): string => browserStore().getItem(key(sessionId, name)) ?? "",
  save(sessionId: string, name: string, text: string): void {
    if (text) browserStore().setItem(key(sessionId, name), text);
    else browserStore().removeItem(key(sessionId, name));
  },
  clear: (sessionId: string, name: string): void => browserStore().removeItem(key(sessionId, name)),
};
