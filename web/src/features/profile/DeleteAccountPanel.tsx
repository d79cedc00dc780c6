import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useSignedIn } from "../../app/session";
import { LiveMessage } from "../../components/Alert";
import { Button } from "../../components/Button";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { TextField } from "../../components/Field";
import { Panel } from "../../components/Page";
import { errorMessage, fieldErrorsOf } from "../../lib/errors";
import { profileApi } from "./api";

export function DeleteAccountPanel() {
  const { t } = useTranslation();
  const { endSession } = useSignedIn();
  const [open, setOpen] = useState(false);
  const [password, setPassword] = useState("");
  const remove = useMutation({
    mutationFn: () => profileApi.deleteAccount(password),
    // The signed-in area then sends the user to the start page with this message.
    onSuccess: () => endSession(t("landing.accountDeleted")),
  });

  const close = () => {
    setOpen(false);
    setPassword("");
    remove.reset();
  };

  return (
    <Panel title={t("profile.deleteTitle")}>
      <p className="text-stone-700 dark:text-stone-300">{t("profile.deleteText")}</p>
      <Button variant="danger" onClick={() => setOpen(true)}>
        {t("profile.deleteButton")}
      </Button>
      <ConfirmDialog
        open={open}
        title={t("profile.deleteConfirmTitle")}
        confirmLabel={remove.isPending ? t("profile.deleting") : t("profile.deleteConfirm")}
        busy={remove.isPending}
        onConfirm={() => remove.mutate()}
        onCancel={close}
      >
        <p>{t("profile.deleteConfirmText")}</p>
        <TextField
          label={t("auth.password")}
          type="password"
          name="deletePassword"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={fieldErrorsOf(remove.error).password}
        />
        <LiveMessage tone="error">{remove.error ? errorMessage(t, remove.error) : null}</LiveMessage>
      </ConfirmDialog>
    </Panel>
  );
}
