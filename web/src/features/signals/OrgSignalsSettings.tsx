import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { OrgSignalsSettings as Settings } from "../../../../domain/signals";
import { Button } from "../../components/Button";
import { errorMessage } from "../../lib/errors";
import { signalsApi } from "./api";

/** For admins: allow or switch off voice and face signals for the whole organisation. */
export function OrgSignalsSettings({ canEdit }: { canEdit: boolean }) {
  const { t } = useTranslation();
  const [value, setValue] = useState<Settings | null>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    signalsApi.orgSettings().then(setValue, (e: unknown) => setError(errorMessage(t, e)));
  }, [t]);
  if (!value) return error ? <p role="alert">{error}</p> : <p role="status">{t("signals.loading")}</p>;
  const save = async () => {
    setBusy(true);
    setError(null);
    try {
      setValue(await signalsApi.saveOrgSettings(value));
      setSaved(true);
    } catch (e) {
      setError(errorMessage(t, e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <fieldset className="space-y-2">
      <legend className="font-semibold">{t("signals.org.title")}</legend>
      {(["voice", "face"] as const).map((kind) => (
        <label key={kind} className="flex items-center gap-2">
          <input type="checkbox" className="size-5" checked={value[kind]} disabled={!canEdit || busy} onChange={(e) => (setSaved(false), setValue({ ...value, [kind]: e.target.checked }))} />
          {t(`signals.org.${kind}`)}
        </label>
      ))}
      {canEdit ? (
        <Button onClick={() => void save()} busy={busy}>
          {t("signals.org.save")}
        </Button>
      ) : null}
      <p role="status" className="text-sm">
        {saved ? t("signals.org.saved") : ""}
      </p>
      {error ? <p role="alert">{error}</p> : null}
    </fieldset>
  );
}
