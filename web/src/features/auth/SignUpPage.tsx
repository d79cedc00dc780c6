import { useMutation, useQuery } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link, Navigate, useNavigate, useSearchParams } from "react-router";
import { useSession } from "../../app/session";
import type { FlashState } from "../../app/Shell";
import { LiveMessage } from "../../components/Alert";
import { Button } from "../../components/Button";
import { TextField } from "../../components/Field";
import { Page } from "../../components/Page";
import { api } from "../../lib/api";
import { errorMessage, fieldErrorsOf } from "../../lib/errors";
import { queryKeys } from "../../lib/queryKeys";
import { fetchInvitation } from "../invitations/api";
import { safeNextPath } from "./nextPath";

export function SignUpPage() {
  const { t } = useTranslation();
  const { status, signUp } = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const inviteToken = params.get("invite");
  const next = safeNextPath(params.get("next"));
  const invitation = useQuery({
    queryKey: queryKeys.invitation(inviteToken ?? ""),
    queryFn: () => fetchInvitation(inviteToken ?? ""),
    enabled: Boolean(inviteToken),
  });
  const [name, setName] = useState("");
  const [emailInput, setEmail] = useState<string | null>(null);
  const [password, setPassword] = useState("");
  // Until the visitor types, the invited address is the sensible default.
  const email = emailInput ?? invitation.data?.email ?? "";

  const mutation = useMutation({
    mutationFn: async () => {
      await signUp({ name, email, password, invitationToken: inviteToken ?? undefined });
      const joined = invitation.data?.org;
      if (joined) api.setOrgId(joined.id);
      return joined;
    },
    onSuccess: (joined) => {
      const state: FlashState | undefined = joined ? { flash: t("invite.joined", { org: joined.name }) } : undefined;
      void navigate(joined ? "/home" : next, { replace: true, state });
    },
  });

  if (status === "signedIn" && !mutation.isPending && !mutation.isSuccess) {
    return <Navigate to={inviteToken ? `/invite/${encodeURIComponent(inviteToken)}` : next} replace />;
  }

  const submit = (event: FormEvent) => {
    event.preventDefault();
    mutation.mutate();
  };
  const fields = fieldErrorsOf(mutation.error);
  const lead = invitation.data ? t("auth.signUpInvitedLead", { org: invitation.data.org.name }) : t("auth.signUpLead");
  const signInHref = inviteToken ? `/signin?next=${encodeURIComponent(`/invite/${inviteToken}`)}` : "/signin";

  return (
    <Page title={t("auth.signUpTitle")} lead={lead} width="sm">
      {invitation.error ? <LiveMessage tone="error">{t("invite.notFound")}</LiveMessage> : null}
      <form onSubmit={submit} className="space-y-4">
        <TextField
          label={t("auth.name")}
          name="name"
          autoComplete="name"
          required
          maxLength={100}
          value={name}
          onChange={(e) => setName(e.target.value)}
          error={fields.name}
        />
        <TextField
          label={t("auth.email")}
          type="email"
          name="email"
          autoComplete="email"
          required
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          error={fields.email}
        />
        <TextField
          label={t("auth.password")}
          type="password"
          name="password"
          autoComplete="new-password"
          required
          minLength={10}
          hint={t("auth.passwordHint")}
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={fields.password}
        />
        <LiveMessage tone="error">{mutation.error ? errorMessage(t, mutation.error) : null}</LiveMessage>
        <Button type="submit" busy={mutation.isPending} className="w-full">
          {mutation.isPending ? t("auth.signingUp") : t("auth.submitSignUp")}
        </Button>
      </form>
      <p className="text-sm">
        {t("auth.haveAccount")}{" "}
        <Link to={signInHref} className="font-semibold text-brand-700 underline underline-offset-4 dark:text-brand-300">
          {t("nav.signIn")}
        </Link>
      </p>
    </Page>
  );
}
