import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useId, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import type { Invitation } from "../../../../domain/api/orgs";
import { useSignedIn } from "../../app/session";
import { LiveMessage } from "../../components/Alert";
import { Button } from "../../components/Button";
import { SelectField, TextField } from "../../components/Field";
import { PageLoading, Panel } from "../../components/Page";
import { errorMessage, fieldErrorsOf } from "../../lib/errors";
import { INVITABLE_ROLES, formatDate } from "../../lib/format";
import { queryKeys } from "../../lib/queryKeys";
import { orgsApi, type InviteResult } from "./api";

type InvitableRole = (typeof INVITABLE_ROLES)[number];

export function InvitePanel() {
  const { t } = useTranslation();
  const { activeOrg } = useSignedIn();
  const orgId = activeOrg?.org.id ?? "";
  const queryClient = useQueryClient();
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<InvitableRole>("member");
  const [result, setResult] = useState<InviteResult | null>(null);

  const invite = useMutation({
    mutationFn: () => orgsApi.invite({ email, role }),
    onMutate: () => setResult(null),
    onSuccess: async (created) => {
      setResult(created);
      setEmail("");
      await queryClient.invalidateQueries({ queryKey: queryKeys.invitations(orgId) });
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    invite.mutate();
  };
  const fields = fieldErrorsOf(invite.error);

  return (
    <>
      <Panel title={t("orgs.inviteTitle")}>
        <form onSubmit={submit} className="grid gap-4 sm:grid-cols-[1fr_12rem_auto] sm:items-end">
          <TextField
            label={t("orgs.inviteEmail")}
            type="email"
            name="inviteEmail"
            autoComplete="off"
            required
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            error={fields.email}
          />
          <SelectField
            label={t("orgs.inviteRole")}
            name="inviteRole"
            value={role}
            onChange={(e) => setRole(e.target.value as InvitableRole)}
            options={INVITABLE_ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
            error={fields.role}
          />
          <Button type="submit" busy={invite.isPending}>
            {invite.isPending ? t("orgs.inviting") : t("orgs.invite")}
          </Button>
        </form>
        <LiveMessage tone="error">{invite.error ? errorMessage(t, invite.error) : null}</LiveMessage>
        <LiveMessage tone="success">
          {result ? (
            <span className="block space-y-1">
              <span className="block font-medium">{t("orgs.inviteCreated", { email: result.invitation.email })}</span>
              <span className="block">{result.emailed ? t("orgs.inviteEmailed") : t("orgs.inviteCopyOnly")}</span>
            </span>
          ) : null}
        </LiveMessage>
        {result ? <CopyLink link={result.link} /> : null}
      </Panel>
      <PendingInvitations />
    </>
  );
}

function CopyLink({ link }: { link: string }) {
  const { t } = useTranslation();
  const id = useId();
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(link);
      setCopied(true);
    } catch {
      // Clipboard can be refused (insecure origin, permissions): select the text for a manual copy.
      const input = document.getElementById(id);
      if (input instanceof HTMLInputElement) input.select();
    }
  };
  return (
    <div className="space-y-2">
      <label htmlFor={id} className="block text-sm font-medium">
        {t("orgs.inviteLink")}
      </label>
      <div className="flex flex-wrap gap-2">
        <input
          id={id}
          readOnly
          value={link}
          onFocus={(e) => e.target.select()}
          className="min-h-11 min-w-0 flex-1 basis-64 rounded-lg border border-stone-400 bg-stone-100 px-3 font-mono text-sm dark:border-stone-500 dark:bg-stone-800"
        />
        <Button variant="secondary" onClick={() => void copy()}>
          {t("orgs.copy")}
        </Button>
      </div>
      <p role="status" className="text-sm">
        {copied ? t("orgs.copied") : ""}
      </p>
    </div>
  );
}

function PendingInvitations() {
  const { t, i18n } = useTranslation();
  const { activeOrg } = useSignedIn();
  const orgId = activeOrg?.org.id ?? "";
  const queryClient = useQueryClient();
  const [notice, setNotice] = useState("");
  const invitations = useQuery({ queryKey: queryKeys.invitations(orgId), queryFn: orgsApi.invitations });
  const revoke = useMutation({
    mutationFn: (invitation: Invitation) => orgsApi.revokeInvitation(invitation.id),
    onSuccess: async (_void, invitation) => {
      setNotice(t("orgs.revoked", { email: invitation.email }));
      await queryClient.invalidateQueries({ queryKey: queryKeys.invitations(orgId) });
    },
  });

  return (
    <Panel title={t("orgs.pendingTitle")}>
      <LiveMessage tone="success">{notice}</LiveMessage>
      <LiveMessage tone="error">{revoke.error ? errorMessage(t, revoke.error) : invitations.error ? errorMessage(t, invitations.error) : null}</LiveMessage>
      {invitations.isPending ? (
        <PageLoading />
      ) : invitations.data && invitations.data.length === 0 ? (
        <p className="text-sm text-stone-700 dark:text-stone-300">{t("orgs.noPending")}</p>
      ) : (
        <ul className="divide-y divide-stone-200 dark:divide-stone-800">
          {invitations.data?.map((inv) => (
            <li key={inv.id} className="flex flex-wrap items-center gap-3 py-3">
              <div className="min-w-0 flex-1 basis-48">
                <p className="font-medium break-all">{inv.email}</p>
                <p className="text-sm text-stone-700 dark:text-stone-300">
                  {t(`roles.${inv.role}`)} · {t("orgs.expires", { date: formatDate(inv.expiresAt, i18n.language) })}
                  {inv.invitedBy ? ` · ${t("orgs.invitedBy", { name: inv.invitedBy.name })}` : ""}
                </p>
              </div>
              <Button
                variant="secondary"
                aria-label={t("orgs.revokeLabel", { email: inv.email })}
                busy={revoke.isPending && revoke.variables?.id === inv.id}
                onClick={() => revoke.mutate(inv)}
              >
                {t("orgs.revoke")}
              </Button>
            </li>
          ))}
        </ul>
      )}
    </Panel>
  );
}
