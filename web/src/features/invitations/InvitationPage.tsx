import { useMutation, useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router";
import { useSession } from "../../app/session";
import { LiveMessage } from "../../components/Alert";
import { Button, buttonClass } from "../../components/Button";
import { Page, PageLoading } from "../../components/Page";
import { ApiError } from "../../lib/api";
import { errorMessage } from "../../lib/errors";
import { queryKeys } from "../../lib/queryKeys";
import { acceptInvitation, fetchInvitation } from "./api";

export function InvitationPage() {
  const { t } = useTranslation();
  const { token = "" } = useParams();
  const navigate = useNavigate();
  const { status, me, reloadMe, switchOrg, signOut } = useSession();
  const preview = useQuery({ queryKey: queryKeys.invitation(token), queryFn: () => fetchInvitation(token) });

  const accept = useMutation({
    mutationFn: () => acceptInvitation(token),
    onSuccess: async (membership) => {
      await reloadMe();
      switchOrg(membership.org.id);
      await navigate("/home", { state: { flash: t("invite.joined", { org: membership.org.name }) } });
    },
  });

  if (preview.isPending || status === "restoring" || (status === "signedIn" && !me)) {
    return <PageLoading />;
  }
  if (preview.error) {
    const gone = preview.error instanceof ApiError && preview.error.status === 404;
    return (
      <Page title={t("invite.title")}>
        <LiveMessage tone="error">{gone ? t("invite.notFound") : errorMessage(t, preview.error)}</LiveMessage>
        <Link to="/" className={buttonClass("secondary")}>
          {t("common.backHome")}
        </Link>
      </Page>
    );
  }

  const inv = preview.data;
  const role = t(`roles.${inv.role}`);
  const summary = inv.invitedBy
    ? t("invite.summary", { inviter: inv.invitedBy, email: inv.email, org: inv.org.name, role })
    : t("invite.summaryNoInviter", { email: inv.email, org: inv.org.name, role });
  const back = `/invite/${encodeURIComponent(token)}`;
  const wrongAccount = me !== undefined && me.user.email.toLowerCase() !== inv.email.toLowerCase();

  return (
    <Page title={t("invite.title")} lead={summary} width="sm">
      {status === "signedIn" && me ? (
        <div className="space-y-4">
          <p>{t("invite.signedInAs", { email: me.user.email })}</p>
          {wrongAccount ? <LiveMessage tone="info">{t("invite.otherAccount", { email: inv.email })}</LiveMessage> : null}
          <LiveMessage tone="error">{accept.error ? errorMessage(t, accept.error) : null}</LiveMessage>
          <div className="flex flex-wrap gap-3">
            {wrongAccount ? (
              <Button variant="secondary" onClick={() => void signOut()}>
                {t("nav.signOut")}
              </Button>
            ) : (
              <Button busy={accept.isPending} onClick={() => accept.mutate()}>
                {accept.isPending ? t("invite.accepting") : t("invite.accept", { org: inv.org.name })}
              </Button>
            )}
          </div>
        </div>
      ) : (
        <div className="space-y-4">
          <p>{t("invite.needAccount", { email: inv.email })}</p>
          <div className="flex flex-wrap gap-3">
            <Link to={`/signup?invite=${encodeURIComponent(token)}`} className={buttonClass("primary")}>
              {t("invite.createAccount")}
            </Link>
            <Link to={`/signin?next=${encodeURIComponent(back)}`} className={buttonClass("secondary")}>
              {t("invite.signIn")}
            </Link>
          </div>
        </div>
      )}
    </Page>
  );
}
