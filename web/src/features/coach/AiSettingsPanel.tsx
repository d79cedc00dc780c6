import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { LiveMessage } from "../../components/Alert";
import { Button } from "../../components/Button";
import { SelectField, TextField } from "../../components/Field";
import { Panel } from "../../components/Page";
import { fieldErrorsOf } from "../../lib/errors";
import { coachApi, coachKeys, userTransport, type AiSettings } from "./api";
import { useErrorText } from "./useErrorText";

const client = coachApi(userTransport);
type Provider = AiSettings["provider"];

/**
 * The organisation's model for the coach (admins). The key is write-only: the studio stores it
 * encrypted and only says whether one is stored; leaving the field empty keeps it.
 */
export function AiSettingsPanel() {
  const { t } = useTranslation("coach");
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const key = coachKeys.aiSettings(userTransport.scope);
  const settings = useQuery({ queryKey: key, queryFn: client.aiSettings });
  const [provider, setProvider] = useState<Provider>("builtin");
  const [baseUrl, setBaseUrl] = useState("");
  const [model, setModel] = useState("");
  const [apiKey, setApiKey] = useState("");
  const [removeKey, setRemoveKey] = useState(false);
  useEffect(() => {
    if (!settings.data) return;
    setProvider(settings.data.provider);
    setBaseUrl(settings.data.baseUrl ?? "");
    setModel(settings.data.model ?? "");
  }, [settings.data]);

  const save = useMutation({
    mutationFn: () =>
      client.saveAiSettings({
        provider,
        ...(provider !== "builtin" && baseUrl.trim() ? { baseUrl: baseUrl.trim() } : {}),
        ...(provider !== "builtin" && model.trim() ? { model: model.trim() } : {}),
        ...(removeKey ? { apiKey: "" } : apiKey ? { apiKey } : {}),
      }),
    onSuccess: (saved) => {
      queryClient.setQueryData(key, saved);
      setApiKey("");
      setRemoveKey(false);
    },
  });
  const errors = fieldErrorsOf(save.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };

  return (
    <Panel title={t("ai.title")}>
      {settings.isPending ? (
        <p role="status">{t("common.loading")}</p>
      ) : settings.error ? (
        <LiveMessage tone="error">{errorText(settings.error)}</LiveMessage>
      ) : (
        <form onSubmit={submit} className="space-y-4">
          <p className="text-sm text-stone-700 dark:text-stone-300">{t(settings.data.source === "organisation" ? "ai.sourceOrg" : "ai.sourceServer")}</p>
          <SelectField
            label={t("ai.provider")}
            value={provider}
            onChange={(e) => setProvider(e.target.value as Provider)}
            options={(["builtin", "openai", "anthropic"] as const).map((p) => ({ value: p, label: t(`ai.providers.${p}`) }))}
          />
          {provider === "builtin" ? (
            <p className="text-sm">{t("ai.builtinHint")}</p>
          ) : (
            <>
              {provider === "openai" ? <TextField label={t("ai.baseUrl")} hint={t("ai.baseUrlHint")} type="url" value={baseUrl} onChange={(e) => setBaseUrl(e.target.value)} error={errors.baseUrl} /> : null}
              <TextField label={t("ai.model")} required value={model} onChange={(e) => setModel(e.target.value)} error={errors.model} />
              <TextField
                label={t("ai.apiKey")}
                hint={settings.data.hasApiKey ? t("ai.keyStored") : t("ai.noKey")}
                type="password"
                autoComplete="off"
                value={apiKey}
                disabled={removeKey}
                onChange={(e) => setApiKey(e.target.value)}
                error={errors.apiKey}
              />
              {settings.data.hasApiKey ? (
                <label className="flex min-h-11 items-center gap-2 text-sm">
                  <input type="checkbox" className="size-5" checked={removeKey} onChange={(e) => setRemoveKey(e.target.checked)} />
                  {t("ai.removeKey")}
                </label>
              ) : null}
            </>
          )}
          <p className="text-sm text-stone-700 dark:text-stone-300">
            <span className="font-semibold">{t("ai.keyStatus")}</span> {settings.data.hasApiKey ? t("ai.keyYes") : t("ai.keyNo")}
          </p>
          <LiveMessage tone="error">{save.error ? errorText(save.error) : null}</LiveMessage>
          <LiveMessage tone="success">{save.isSuccess ? t("ai.saved") : null}</LiveMessage>
          <Button type="submit" busy={save.isPending}>
            {t("ai.save")}
          </Button>
        </form>
      )}
    </Panel>
  );
}
