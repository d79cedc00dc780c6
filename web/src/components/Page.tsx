import { useTranslation } from "react-i18next";
import { useId, type ReactNode } from "react";
import { usePageTitle } from "../lib/usePageTitle";

export function Page({ title, lead, children, width = "md" }: { title: string; lead?: ReactNode; children: ReactNode; width?: "sm" | "md" | "lg" }) {
  usePageTitle(title);
  const max = width === "sm" ? "max-w-md" : width === "md" ? "max-w-3xl" : "max-w-5xl";
  return (
    <div className={`mx-auto w-full ${max} space-y-6 px-4 py-8`}>
      <header className="space-y-2">
        <h1 className="text-2xl font-bold tracking-tight sm:text-3xl">{title}</h1>
        {lead ? <p className="text-stone-700 dark:text-stone-300">{lead}</p> : null}
      </header>
      {children}
    </div>
  );
}

export function Panel({ title, children, headingLevel = 2 }: { title: string; children: ReactNode; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const id = useId();
  return (
    <section aria-labelledby={id} className="space-y-4 rounded-xl border border-stone-300 bg-white p-4 sm:p-6 dark:border-stone-700 dark:bg-stone-900">
      <Heading id={id} className="text-lg font-semibold">{title}</Heading>
      {children}
    </section>
  );
}

export function PageLoading() {
  const { t } = useTranslation();
  return (
    <div role="status" className="mx-auto max-w-3xl px-4 py-8 text-stone-700 dark:text-stone-300">
      {t("app.loading")}
    </div>
  );
}

