import { useTranslation } from "react-i18next";
import { Navigate, Outlet, useLocation } from "react-router";
import { LiveMessage } from "../components/Alert";
import { Button } from "../components/Button";
import { PageLoading } from "../components/Page";
import { errorMessage } from "../lib/errors";
import { useSession } from "./session";

/** Gate for signed-in routes: children render only once the profile and memberships are known. */
export function RequireAuth() {
  const { t } = useTranslation();
  const { status, me, meError, reloadMe, farewell } = useSession();
  const location = useLocation();

  if (status === "restoring") return <PageLoading />;
  if (status === "signedOut") {
    if (farewell) return <Navigate to="/" replace state={farewell.message ? { flash: farewell.message } : null} />;
    const next = encodeURIComponent(location.pathname + location.search);
    return <Navigate to={`/signin?next=${next}`} replace />;
  }
  if (!me) {
    if (!meError) return <PageLoading />;
    return (
      <div className="mx-auto max-w-3xl space-y-4 px-4 py-8">
        <LiveMessage tone="error">{errorMessage(t, meError)}</LiveMessage>
        <Button onClick={() => void reloadMe()}>{t("common.retry")}</Button>
      </div>
    );
  }
  return <Outlet />;
}
