import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useSignedIn } from "../../app/session";
import { LiveMessage } from "../../components/Alert";
import { Button } from "../../components/Button";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { TextField } from "../../components/Field";
import { Panel } from "../../components/Page";
import { errorMessage, fieldErrorsOf } from "../../lib/errors";
import { formatDate } from "../../lib/format";
import { zoomApi, zoomKeys, type ConnectZoomInput } from "./api";

const EMPTY = { accountId: "", clientId: "", clientSecret: "", webhookSecretToken: "", sdkKey: "", sdkSecret: "" };

/**
 * Connect or disconnect the organisation's Zoom account (admins). Credentials are write-only:
 * the form is always empty, and the server answers with flags only.
 */
export function ZoomSettingsPanel() {
  const { t, i18n } = useTranslation("integrations");
  const { t: tc } = useTranslation();
  const { activeOrg } = useSignedIn();
  const orgId = activeOrg?.org.id ?? "none";
  const queryClient = useQueryClient();
  const key = zoomKeys.connection(orgId);
  const connection = useQuery({ queryKey: key, queryFn: zoomApi.connection });
  const [form, setForm] = useState(EMPTY);
  const [confirm, setConfirm] = useState(false);
  const [done, setDone] = useState<"saved" | "disconnected" | null>(null);

  const save = useMutation({
    mutationFn: () => {
      const body: ConnectZoomInput = {
        accountId: form.accountId.trim(),
        clientId: form.clientId.trim(),
        clientSecret: form.clientSecret.trim(),
        webhookSecretToken: form.webhookSecretToken.trim(),
        ...(form.sdkKey.trim() ? { sdkKey: form.sdkKey.trim() } : {}),
        ...(form.sdkSecret.trim() ? { sdkSecret: form.sdkSecret.trim() } : {}),
      };
      return zoomApi.connect(body);
    },
    onSuccess: (saved) => {
      queryClient.setQueryData(key, saved);
      void queryClient.invalidateQueries({ queryKey: zoomKeys.availability(orgId) });
      setForm(EMPTY);
      setDone("saved");
    },
  });
  const remove = useMutation({
    mutationFn: zoomApi.disconnect,
    onSuccess: async () => {
      setConfirm(false);
      setDone("disconnected");
      await queryClient.invalidateQueries({ queryKey: key });
      void queryClient.invalidateQueries({ queryKey: zoomKeys.availability(orgId) });
    },
  });
  const errors = fieldErrorsOf(save.error);
  const field = (name: keyof typeof EMPTY, type: "text" | "password" = "text", required = true) => (
    <TextField
      label={t(`settings.${name}`)}
      name={`zoom-${name}`}
      type={type}
      autoComplete="off"
      spellCheck={false}
      dir="ltr"
      required={required}
      maxLength={500}
      value={form[name]}
      onChange={(e) => setForm((f) => ({ ...f, [name]: e.target.value }))}
      error={errors[name]}
    />
  );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setDone(null);
    save.mutate();
  };

  return (
    <Panel title={t("settings.title")}>
      <div className="space-y-4">
        <p className="text-sm text-stone-700 dark:text-stone-300">{t("settings.lead")}</p>
        {connection.isPending ? (
          <p role="status">{t("settings.loading")}</p>
        ) : connection.error ? (
          <div className="space-y-2">
            <LiveMessage tone="error">{errorMessage(tc, connection.error)}</LiveMessage>
            <Button variant="secondary" onClick={() => void connection.refetch()}>
              {t("settings.retry")}
            </Button>
          </div>
        ) : (
          <>
            <p className="font-medium" data-testid="zoom-status">
              {connection.data.connected
                ? connection.data.connectedAt
                  ? t("settings.connectedSince", { date: formatDate(connection.data.connectedAt, i18n.language) })
                  : t("settings.connected")
                : t("settings.notConnected")}{" "}
              {connection.data.connected ? (connection.data.meetingSdk ? t("settings.sdkOn") : t("settings.sdkOff")) : null}
            </p>
            <div className="space-y-1">
              <p className="text-sm font-medium">{t("settings.webhookUrl")}</p>
              <p className="break-all rounded-lg bg-stone-100 px-3 py-2 font-mono text-sm dark:bg-stone-800" dir="ltr">
                {connection.data.webhookUrl}
              </p>
              <p className="text-sm text-stone-600 dark:text-stone-400">{t("settings.webhookHint")}</p>
            </div>
            <form onSubmit={submit} className="space-y-3" aria-describedby="zoom-howto">
              <p id="zoom-howto" className="text-sm text-stone-700 dark:text-stone-300">
                {t("settings.howTo")}
              </p>
              {field("accountId")}
              {field("clientId")}
              {field("clientSecret", "password")}
              {field("webhookSecretToken", "password")}
              {field("sdkKey", "text", false)}
              {field("sdkSecret", "password", false)}
              <LiveMessage tone="error">{save.error ? errorMessage(tc, save.error) : null}</LiveMessage>
              <LiveMessage tone="success">{done === "saved" ? t("settings.saved") : done === "disconnected" ? t("settings.disconnected") : null}</LiveMessage>
              <div className="flex flex-wrap gap-2">
                <Button type="submit" busy={save.isPending}>
                  {save.isPending ? t("settings.connecting") : connection.data.connected ? t("settings.reconnect") : t("settings.connect")}
                </Button>
                {connection.data.connected ? (
                  <Button variant="secondary" onClick={() => setConfirm(true)}>
                    {t("settings.disconnect")}
                  </Button>
                ) : null}
              </div>
            </form>
          </>
        )}
      </div>
      <ConfirmDialog open={confirm} title={t("settings.disconnectTitle")} confirmLabel={t("settings.disconnect")} busy={remove.isPending} onConfirm={() => remove.mutate()} onCancel={() => setConfirm(false)}>
        <p>{t("settings.disconnectBody")}</p>
        {remove.error ? <p role="alert">{errorMessage(tc, remove.error)}</p> : null}
      </ConfirmDialog>
    </Panel>
  );
}
