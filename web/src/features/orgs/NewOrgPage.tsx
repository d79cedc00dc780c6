import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { useSignedIn } from "../../app/session";
import { LiveMessage } from "../../components/Alert";
import { Button } from "../../components/Button";
import { TextField } from "../../components/Field";
import { Page } from "../../components/Page";
import { errorMessage, fieldErrorsOf } from "../../lib/errors";
import { orgsApi } from "./api";

export function NewOrgPage() {
  const { t } = useTranslation();
  const { reloadMe, switchOrg } = useSignedIn();
  const navigate = useNavigate();
  const [name, setName] = useState("");
  const mutation = useMutation({
    mutationFn: () => orgsApi.create(name),
    onSuccess: async (org) => {
      await reloadMe();
      switchOrg(org.id);
      await navigate("/org");
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    mutation.mutate();
  };

  return (
    <Page title={t("orgs.newTitle")} lead={t("orgs.newLead")} width="sm">
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
        <Button type="submit" busy={mutation.isPending}>
          {mutation.isPending ? t("orgs.creating") : t("orgs.create")}
        </Button>
      </form>
    </Page>
  );
}
