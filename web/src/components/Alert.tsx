import type { ReactNode } from "react";

const TONES = {
  error: "border-red-700 bg-red-50 text-red-900 dark:border-red-400 dark:bg-red-950 dark:text-red-100",
  success: "border-brand-700 bg-brand-50 text-brand-900 dark:border-brand-300 dark:bg-brand-900 dark:text-brand-50",
  info: "border-stone-400 bg-white text-stone-900 dark:border-stone-500 dark:bg-stone-900 dark:text-stone-100",
} as const;

/**
 * A live region that is always in the DOM, so screen readers announce text placed in it
 * later (a region inserted together with its text is often not read).
 */
export function LiveMessage({ tone, children }: { tone: keyof typeof TONES; children?: ReactNode }) {
  const role = tone === "error" ? "alert" : "status";
  return (
    <div role={role} aria-live={tone === "error" ? "assertive" : "polite"}>
      {children ? <div className={`rounded-lg border-s-4 px-4 py-3 text-sm ${TONES[tone]}`}>{children}</div> : null}
    </div>
  );
}
