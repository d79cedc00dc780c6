/**
 * Small, non-secret preferences kept in localStorage. Access is wrapped because
 * storage can throw (privacy modes, quota) and the app must keep working without it.
 */
export const STORAGE_KEYS = {
  /** Set while a refresh cookie is expected; lets a signed-out visitor skip a failing refresh call. */
  signedIn: "pyou.signedIn",
  org: "pyou.org",
  theme: "pyou.theme",
  lang: "pyou.lang",
} as const;

export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

const memory = new Map<string, string>();
const memoryStore: KeyValueStore = {
  getItem: (k) => memory.get(k) ?? null,
  setItem: (k, v) => void memory.set(k, v),
  removeItem: (k) => void memory.delete(k),
};

export function browserStore(): KeyValueStore {
  try {
    if (typeof localStorage !== "undefined") {
      const probe = "pyou.probe";
      localStorage.setItem(probe, "1");
      localStorage.removeItem(probe);
      return {
        getItem: (k) => {
          try {
            return localStorage.getItem(k);
          } catch {
            return memoryStore.getItem(k);
          }
        },
        setItem: (k, v) => {
          try {
            localStorage.setItem(k, v);
          } catch {
            memoryStore.setItem(k, v);
          }
        },
        removeItem: (k) => {
          try {
            localStorage.removeItem(k);
          } catch {
            memoryStore.removeItem(k);
          }
        },
      };
    }
  } catch {
    // fall through to memory
  }
  return memoryStore;
}
