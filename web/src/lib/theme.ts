import { useSyncExternalStore } from "react";
import { STORAGE_KEYS, browserStore } from "./storage";

export type ThemeChoice = "light" | "dark" | "system";

const listeners = new Set<() => void>();
let choice: ThemeChoice = readChoice();

function readChoice(): ThemeChoice {
  const stored = browserStore().getItem(STORAGE_KEYS.theme);
  return stored === "light" || stored === "dark" ? stored : "system";
}

function systemPrefersDark(): boolean {
  return typeof matchMedia === "function" && matchMedia("(prefers-color-scheme: dark)").matches;
}

/** Puts the resolved theme on <html> so Tailwind's `dark:` variant and native controls follow it. */
export function applyTheme(): void {
  const dark = choice === "dark" || (choice === "system" && systemPrefersDark());
  const root = document.documentElement;
  root.classList.toggle("dark", dark);
  root.style.colorScheme = dark ? "dark" : "light";
}

export function setTheme(next: ThemeChoice): void {
  choice = next;
  if (next === "system") browserStore().removeItem(STORAGE_KEYS.theme);
  else browserStore().setItem(STORAGE_KEYS.theme, next);
  applyTheme();
  listeners.forEach((l) => l());
}

export function watchSystemTheme(): void {
  if (typeof matchMedia !== "function") return;
  matchMedia("(prefers-color-scheme: dark)").addEventListener("change", () => {
    if (choice === "system") applyTheme();
  });
}

export function useTheme(): ThemeChoice {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => choice,
  );
}
