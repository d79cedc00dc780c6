import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import type { UpdateProfileInput } from "../../../../domain/api/auth";
import { useSignedIn } from "../../app/session";
import { LiveMessage } from "../../components/Alert";
import { Button } from "../../components/Button";
import { TextField } from "../../components/Field";
import { Page, Panel } from "../../components/Page";
import { errorMessage, fieldErrorsOf } from "../../lib/errors";
import { profileApi } from "./api";
import { DeleteAccountPanel } from "./DeleteAccountPanel";

export function ProfilePage() {
  const { t } = useTranslation();
  return (
    <Page title={t("profile.title")}>
      <DetailsPanel />
      <PasswordPanel />
      <DeleteAccountPanel />
    </Page>
  );
}

function DetailsPanel() {
  const { t } = useTranslation();
  const { me, reloadMe } = useSignedIn();
  const [name, setName] = useState(me.user.name);
  const [email, setEmail] = useState(me.user.email);
  const [currentPassword, setCurrentPassword] = useState("");
  const [nothing, setNothing] = useState(false);
  const emailChanged = email.trim().toLowerCase() !== me.user.email.toLowerCase();

  const save = useMutation({
    mutationFn: (input: UpdateProfileInput) => profileApi.update(input),
    onSuccess: async () => {
      setCurrentPassword("");
      await reloadMe();
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const input: UpdateProfileInput = {};
    if (name.trim() !== me.user.name) input.name = name;
    if (emailChanged) {
      input.email = email;
      input.currentPassword = currentPassword;
    }
    const empty = input.name === undefined && input.email === undefined;
    setNothing(empty);
    if (!empty) save.mutate(input);
  };
  const fields = fieldErrorsOf(save.error);

  return (
    <Panel title={t("profile.detailsTitle")}>
      <form onSubmit={submit} className="space-y-4">
        <TextField
          label={t("profile.name")}
          name="name"
          autoComplete="name"
          required
          maxLength={100}
          value={name}
          onChange={(e) => setName(e.target.value)}
          error={fields.name}
        />
        <TextField
          label={t("profile.email")}
          type="email"
          name="email"
          autoComplete="email"
          required
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          error={fields.email}
        />
        {emailChanged && (
          <TextField
            label={t("profile.currentPassword")}
            type="password"
            name="currentPassword"
            autoComplete="current-password"
            required
            hint={t("profile.currentPasswordHint")}
            value={currentPassword}
            onChange={(e) => setCurrentPassword(e.target.value)}
            error={fields.currentPassword}
          />
        )}
        <LiveMessage tone="error">{save.error ? errorMessage(t, save.error) : null}</LiveMessage>
        <LiveMessage tone="success">{nothing ? t("profile.nothingChanged") : save.isSuccess ? t("profile.saved") : null}</LiveMessage>
        <Button type="submit" busy={save.isPending}>
          {save.isPending ? t("profile.saving") : t("profile.save")}
        </Button>
      </form>
    </Panel>
  );
}

function PasswordPanel() {
  const { t } = useTranslation();
  const [currentPassword, setCurrentPassword] = useState("");
  const [newPassword, setNewPassword] = useState("");
  const change = useMutation({
    mutationFn: () => profileApi.update({ currentPassword, newPassword }),
    onSuccess: () => {
      setCurrentPassword("");
      setNewPassword("");
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    change.mutate();
  };
  const fields = fieldErrorsOf(change.error);

  return (
    <Panel title={t("profile.passwordTitle")}>
      <form onSubmit={submit} className="space-y-4">
        <TextField
          label={t("profile.currentPassword")}
          type="password"
          name="currentPassword"
          autoComplete="current-password"
          required
          value={currentPassword}
          onChange={(e) => setCurrentPassword(e.target.value)}
          error={fields.currentPassword}
        />
        <TextField
          label={t("profile.newPassword")}
          type="password"
          name="newPassword"
          autoComplete="new-password"
          required
          minLength={10}
          hint={t("auth.passwordHint")}
          value={newPassword}
          onChange={(e) => setNewPassword(e.target.value)}
          error={fields.newPassword}
        />
        <LiveMessage tone="error">{change.error ? errorMessage(t, change.error) : null}</LiveMessage>
        <LiveMessage tone="success">{change.isSuccess ? t("profile.passwordChanged") : null}</LiveMessage>
        <Button type="submit" busy={change.isPending}>
          {t("profile.changePassword")}
        </Button>
      </form>
    </Panel>
  );
}
