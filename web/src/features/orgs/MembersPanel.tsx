import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import type { Member } from "../../../../domain/api/orgs";
import type { Role } from "../../../../domain/api/common";
import { useSignedIn } from "../../app/session";
import { LiveMessage } from "../../components/Alert";
import { Button } from "../../components/Button";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { PageLoading, Panel } from "../../components/Page";
import { errorMessage } from "../../lib/errors";
import { ROLES, formatDate } from "../../lib/format";
import { queryKeys } from "../../lib/queryKeys";
import { orgsApi } from "./api";

export function MembersPanel() {
  const { t, i18n } = useTranslation();
  const { me, activeOrg, reloadMe } = useSignedIn();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const orgId = activeOrg?.org.id ?? "";
  const orgName = activeOrg?.org.name ?? "";
  const isOwner = activeOrg?.role === "owner";
  const [pendingRemoval, setPendingRemoval] = useState<Member | null>(null);
  const [notice, setNotice] = useState("");

  const members = useQuery({ queryKey: queryKeys.members(orgId), queryFn: orgsApi.members });

  const changeRole = useMutation({
    mutationFn: ({ member, role }: { member: Member; role: Role }) => orgsApi.changeRole(member.user.id, role),
    onSuccess: async (_updated, { member, role }) => {
      setNotice(t("orgs.roleChanged", { name: member.user.name, role: t(`roles.${role}`) }));
      await queryClient.invalidateQueries({ queryKey: queryKeys.members(orgId) });
    },
  });

  const remove = useMutation({
    mutationFn: (member: Member) => (member.user.id === me.user.id ? orgsApi.leave() : orgsApi.removeMember(member.user.id)),
    onSuccess: async (_void, member) => {
      setPendingRemoval(null);
      if (member.user.id === me.user.id) {
        await reloadMe();
        await navigate("/home", { state: { flash: t("orgs.left", { org: orgName }) } });
        return;
      }
      setNotice(t("orgs.removed", { name: member.user.name }));
      await queryClient.invalidateQueries({ queryKey: queryKeys.members(orgId) });
    },
  });

  const removingSelf = pendingRemoval?.user.id === me.user.id;
  const actionError = changeRole.error ?? (pendingRemoval ? null : remove.error);

  return (
    <Panel title={t("orgs.membersTitle")}>
      <LiveMessage tone="success">{notice}</LiveMessage>
      <LiveMessage tone="error">{actionError ? errorMessage(t, actionError) : null}</LiveMessage>
      {members.isPending ? (
        <PageLoading />
      ) : members.error ? (
        <div className="space-y-2">
          <LiveMessage tone="error">{errorMessage(t, members.error)}</LiveMessage>
          <Button variant="secondary" onClick={() => void members.refetch()}>
            {t("common.retry")}
          </Button>
        </div>
      ) : (
        <ul className="divide-y divide-stone-200 dark:divide-stone-800">
          {members.data.map((member) => {
            const self = member.user.id === me.user.id;
            return (
              <li key={member.user.id} className="flex flex-wrap items-center gap-3 py-3">
                <div className="min-w-0 flex-1 basis-48">
                  <p className="font-medium break-words">
                    {member.user.name}
                    {self ? <span className="text-sm font-normal text-stone-600 dark:text-stone-400"> ({t("orgs.you")})</span> : null}
                  </p>
                  <p className="text-sm break-all text-stone-700 dark:text-stone-300">{member.user.email}</p>
                  <p className="text-xs text-stone-600 dark:text-stone-400">{t("orgs.joined", { date: formatDate(member.joinedAt, i18n.language) })}</p>
                </div>
                {isOwner && !self ? (
                  <select
                    aria-label={t("orgs.roleFor", { name: member.user.name })}
                    className="min-h-11 rounded-lg border border-stone-400 bg-white px-2 text-sm dark:border-stone-500 dark:bg-stone-900"
                    value={member.role}
                    disabled={changeRole.isPending}
                    onChange={(e) => changeRole.mutate({ member, role: e.target.value as Role })}
                  >
                    {ROLES.map((role) => (
                      <option key={role} value={role}>
                        {t(`roles.${role}`)}
                      </option>
                    ))}
                  </select>
                ) : (
                  <span className="rounded-full bg-stone-200 px-3 py-1 text-sm dark:bg-stone-800">{t(`roles.${member.role}`)}</span>
                )}
                {self ? (
                  <Button variant="secondary" onClick={() => setPendingRemoval(member)}>
                    {t("orgs.leave")}
                  </Button>
                ) : isOwner ? (
                  <Button variant="secondary" aria-label={`${t("orgs.remove")}: ${member.user.name}`} onClick={() => setPendingRemoval(member)}>
                    {t("orgs.remove")}
                  </Button>
                ) : null}
              </li>
            );
          })}
        </ul>
      )}
      <ConfirmDialog
        open={pendingRemoval !== null}
        title={removingSelf ? t("orgs.leaveConfirmTitle", { org: orgName }) : t("orgs.removeConfirmTitle", { name: pendingRemoval?.user.name ?? "" })}
        confirmLabel={removingSelf ? t("orgs.leave") : t("orgs.remove")}
        busy={remove.isPending}
        onConfirm={() => pendingRemoval && remove.mutate(pendingRemoval)}
        onCancel={() => {
          setPendingRemoval(null);
          remove.reset();
        }}
      >
        <p>{removingSelf ? t("orgs.leaveConfirmText", { org: orgName }) : t("orgs.removeConfirmText", { org: orgName })}</p>
        <LiveMessage tone="error">{remove.error ? errorMessage(t, remove.error) : null}</LiveMessage>
      </ConfirmDialog>
    </Panel>
  );
}
