import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { LiveMessage } from "../../components/Alert";
import { Button } from "../../components/Button";
import { SelectField, TextField } from "../../components/Field";
import { Panel } from "../../components/Page";
import { errorMessage, fieldErrorsOf } from "../../lib/errors";
import { experimentKeys, experimentsApi } from "./api";

type Target = "recommender" | "coach";

function parseConfig(text: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(text.trim() || "{}");
    return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** Two arms (A and B) of one target; the server assigns people by a stable hash. */
export function ExperimentForm({ orgId }: { orgId: string }) {
  const { t } = useTranslation("experiments");
  const { t: common } = useTranslation();
  const queryClient = useQueryClient();
  const [name, setName] = useState("");
  const [description, setDescription] = useState("");
  const [target, setTarget] = useState<Target>("recommender");
  const [keys, setKeys] = useState(["control", "treatment"]);
  const [configs, setConfigs] = useState(["{}", '{"diversityLambda": 0.6}']);
  const [minExposures, setMinExposures] = useState("30");
  const [jsonError, setJsonError] = useState<string | null>(null);
  const create = useMutation({
    mutationFn: experimentsApi.create,
    onSuccess: async () => {
      setName("");
      setDescription("");
      await queryClient.invalidateQueries({ queryKey: experimentKeys.list(orgId) });
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = configs.map(parseConfig);
    const bad = parsed.findIndex((c) => c === null);
    if (bad >= 0) {
      setJsonError(t("create.badJson", { n: bad + 1 }));
      return;
    }
    setJsonError(null);
    create.mutate({
      name: name.trim(),
      ...(description.trim() ? { description: description.trim() } : {}),
      target,
      arms: keys.map((key, i) => ({ key: key.trim(), weight: 1, config: parsed[i]! })),
      minExposures: Math.max(1, Math.round(Number(minExposures) || 30)),
    });
  };
  const fieldErrors = fieldErrorsOf(create.error);
  const createdName = create.data?.name;

  return (
    <Panel title={t("create.title")}>
      <form onSubmit={submit} className="grid gap-3 sm:grid-cols-2">
        <TextField label={t("create.name")} value={name} required maxLength={120} onChange={(e) => setName(e.target.value)} error={fieldErrors.name} />
        <SelectField
          label={t("create.target")}
          value={target}
          onChange={(e) => setTarget(e.target.value as Target)}
          options={[
            { value: "recommender", label: t("list.target.recommender") },
            { value: "coach", label: t("list.target.coach") },
          ]}
        />
        <div className="sm:col-span-2">
          <TextField label={t("create.description")} value={description} maxLength={1000} onChange={(e) => setDescription(e.target.value)} />
        </div>
        {keys.map((key, i) => (
          <fieldset key={i} className="space-y-2 rounded-lg border border-stone-200 p-3 dark:border-stone-700">
            <legend className="px-1 text-sm font-medium">{String.fromCharCode(65 + i)}</legend>
            <TextField label={t("create.armKey", { n: i + 1 })} hint={t("create.armKeyHint")} value={key} required maxLength={40} onChange={(e) => setKeys(keys.map((k, j) => (j === i ? e.target.value : k)))} />
            <TextField
              label={t("create.armConfig", { n: i + 1 })}
              hint={target === "recommender" ? t("create.armConfigHintRecommender") : t("create.armConfigHintCoach")}
              value={configs[i]}
              dir="ltr"
              className="font-mono"
              onChange={(e) => setConfigs(configs.map((c, j) => (j === i ? e.target.value : c)))}
            />
          </fieldset>
        ))}
        <TextField label={t("create.minExposures")} type="number" min={1} max={100000} value={minExposures} onChange={(e) => setMinExposures(e.target.value)} error={fieldErrors.minExposures} />
        <div className="flex items-end sm:col-span-2">
          <Button type="submit" busy={create.isPending}>
            {t("create.start")}
          </Button>
        </div>
      </form>
      <LiveMessage tone="error">{jsonError ?? (create.error ? errorMessage(common, create.error) : null)}</LiveMessage>
      <LiveMessage tone="success">{createdName && !create.isPending ? t("create.started", { name: createdName }) : null}</LiveMessage>
    </Panel>
  );
}
