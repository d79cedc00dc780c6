import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useSession } from "../../app/session";
import { buttonClass } from "../../components/Button";
import { usePageTitle } from "../../lib/usePageTitle";

const PHASES = ["pause", "expand", "focus", "do"] as const;

export function LandingPage() {
  const { t } = useTranslation();
  const { status } = useSession();
  usePageTitle("");

  return (
    <div className="mx-auto max-w-5xl px-4 py-10 sm:py-16">
      <section aria-labelledby="landing-title" className="max-w-3xl space-y-5">
        <h1 id="landing-title" className="text-3xl font-bold tracking-tight sm:text-5xl">
          {t("landing.title")}
        </h1>
        <p className="text-lg text-stone-700 dark:text-stone-300">{t("landing.lead")}</p>
        {/* Fixed height so the buttons appearing after the session check do not move the page. */}
        <div className="flex min-h-11 flex-wrap gap-3">
          {status === "signedIn" ? (
            <Link to="/home" className={buttonClass("primary")}>
              {t("landing.goToStudio")}
            </Link>
          ) : status === "signedOut" ? (
            <>
              <Link to="/signup" className={buttonClass("primary")}>
                {t("landing.getStarted")}
              </Link>
              <Link to="/signin" className={buttonClass("secondary")}>
                {t("landing.haveAccount")}
              </Link>
            </>
          ) : null}
        </div>
      </section>
      <section aria-labelledby="method-title" className="mt-12 space-y-4">
        <h2 id="method-title" className="text-xl font-semibold">
          {t("landing.methodTitle")}
        </h2>
        <ol className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
          {PHASES.map((phase, index) => (
            <li key={phase} className="rounded-xl border border-stone-300 bg-white p-5 dark:border-stone-700 dark:bg-stone-900">
              <h3 className="font-semibold text-brand-800 dark:text-brand-300">
                <span aria-hidden="true">{index + 1}. </span>
                {t(`landing.${phase}Title`)}
              </h3>
              <p className="mt-2 text-sm text-stone-700 dark:text-stone-300">{t(`landing.${phase}Text`)}</p>
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}
