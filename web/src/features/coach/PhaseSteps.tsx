import { useTranslation } from "react-i18next";

const PHASES = ["pause", "expand", "focus", "do"] as const;
export type PhaseName = (typeof PHASES)[number];

/** Where the conversation is in the method; the current phase is marked in words, not only by colour. */
export function PhaseSteps({ current }: { current: PhaseName }) {
  const { t } = useTranslation("coach");
  const at = PHASES.indexOf(current);
  return (
    <nav aria-label={t("phase.label")}>
      <ol className="flex flex-wrap gap-2 text-sm">
        {PHASES.map((p, i) => (
          <li
            key={p}
            aria-current={i === at ? "step" : undefined}
            title={t(`phase.purpose.${p}`)}
            className={`rounded-full border px-3 py-1 ${
              i === at
                ? "border-brand-700 bg-brand-50 font-semibold text-brand-900 dark:border-brand-300 dark:bg-brand-900 dark:text-brand-50"
                : "border-stone-300 text-stone-700 dark:border-stone-600 dark:text-stone-300"
            }`}
          >
            {i < at ? <span aria-hidden="true">✓ </span> : null}
            {t(`phase.name.${p}`)}
            {i === at ? <span className="ms-1 text-xs uppercase">({t("phase.now")})</span> : null}
          </li>
        ))}
      </ol>
      <p className="mt-2 text-sm text-stone-700 dark:text-stone-300">{t(`phase.purpose.${current}`)}</p>
    </nav>
  );
}
