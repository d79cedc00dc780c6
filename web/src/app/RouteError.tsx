import { useTranslation } from "react-i18next";
import { Link, isRouteErrorResponse, useRouteError } from "react-router";
import { buttonClass } from "../components/Button";
import { Page } from "../components/Page";

/** Shown instead of a blank screen when a page fails to load or render. */
export function RouteError() {
  const { t } = useTranslation();
  const error = useRouteError();
  const notFound = isRouteErrorResponse(error) && error.status === 404;
  return (
    <main id="main" tabIndex={-1}>
      <Page title={notFound ? t("notFound.title") : t("errors.title")} lead={notFound ? t("notFound.text") : t("errors.pageFailed")}>
        <div className="flex flex-wrap gap-2">
          {!notFound && (
            <button type="button" className={buttonClass("primary")} onClick={() => window.location.reload()}>
              {t("common.retry")}
            </button>
          )}
          <Link to="/" className={buttonClass("secondary")}>
            {t("common.backHome")}
          </Link>
        </div>
      </Page>
    </main>
  );
}

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <Page title={t("notFound.title")} lead={t("notFound.text")}>
      <Link to="/" className={buttonClass("secondary")}>
        {t("common.backHome")}
      </Link>
    </Page>
  );
}
