import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useSignedIn } from "../../app/session";
import { LiveMessage } from "../../components/Alert";
import { Button, buttonClass } from "../../components/Button";
import { TextField } from "../../components/Field";
import { Page, Panel } from "../../components/Page";
import { errorMessage, fieldErrorsOf } from "../../lib/errors";
import { canManageOrg } from "../../lib/format";
import { orgsApi } from "./api";
import { InvitePanel } from "./InvitePanel";
import { MembersPanel } from "./MembersPanel";
import { CoachAiSettings } from "../coach";
import { ZoomSettings } from "../integrations";

export function OrgPage() {
  const { t } = useTranslation();
  const { activeOrg } = useSignedIn();

  if (!activeOrg) {
    return (
      <Page title={t("orgs.settingsTitle")} lead={t("home.noOrg")}>
        <Link to="/orgs/new" className={buttonClass("primary")}>
          {t("orgSwitcher.newOrg")}
        </Link>
      </Page>
    );
  }
  const manager = canManageOrg(activeOrg.role);
  return (
    <Page title={activeOrg.org.name} lead={t(`roles.${activeOrg.role}`)}>
      {/* Keyed by org so switching resets every form on the page. */}
      <div key={activeOrg.org.id} className="space-y-6">
        {manager && <RenamePanel currentName={activeOrg.org.name} />}
        <MembersPanel />
        {manager ? <InvitePanel /> : <p className="text-sm text-stone-600 dark:text-stone-400">{t("orgs.onlyAdmins")}</p>}
        {manager && <CoachAiSettings />}
        {manager && <ZoomSettings />}
      </div>
    </Page>
  );
}

function RenamePanel({ currentName }: { currentName: string }) {
  const { t } = useTranslation();
  const { reloadMe } = useSignedIn();
  const [name, setName] = useState(currentName);
  const mutation = useMutation({ mutationFn: () => orgsApi.rename(name), onSuccess: () => reloadMe() });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    mutation.mutate();
  };
  return (
    <Panel title={t("orgs.settingsTitle")}>
      <form onSubmit={submit} className="space-y-4">
        <TextField
          label={t("orgs.name")}
          name="orgName"
          required
          maxLength={120}
          value={name}
          onChange={(e) => setName(e.target.value)}
          error={fieldErrorsOf(mutation.error).name}
        />
        <LiveMessage tone="error">{mutation.error ? errorMessage(t, mutation.error) : null}</LiveMessage>
        <LiveMessage tone="success">{mutation.isSuccess ? t("orgs.renamed") : null}</LiveMessage>
        <Button type="submit" busy={mutation.isPending}>
          {t("orgs.rename")}
        </Button>
      </form>
    </Panel>
  );
}
