import { useId, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { LiveMessage } from "../../components/Alert";
import { Button } from "../../components/Button";
import { Panel } from "../../components/Page";
import { errorMessage } from "../../lib/errors";
import type { BulkResult } from "./api";
import { useInvalidateLibrary } from "./hooks";
import { uploadForm } from "./upload";

/** Many cards at once from a ZIP of pictures and an optional CSV of words, alt text and prompts. */
export function BulkUploadPanel({ deckId }: { deckId: string }) {
  const { t } = useTranslation();
  const invalidate = useInvalidateLibrary();
  const [zip, setZip] = useState<File | null>(null);
  const [csv, setCsv] = useState<File | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [result, setResult] = useState<BulkResult | null>(null);
  const [error, setError] = useState<unknown>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!zip) return;
    const form = new FormData();
    form.append("zip", zip, zip.name);
    if (csv) form.append("csv", csv, csv.name);
    setError(null);
    setResult(null);
    setProgress(0);
    try {
      const answer = await uploadForm<BulkResult>(`/api/decks/${deckId}/cards/bulk`, form, {
        onProgress: ({ loaded, total }) => setProgress(Math.round((loaded / total) * 100)),
      });
      setResult(answer);
      await invalidate();
    } catch (err) {
      setError(err);
    } finally {
      setProgress(null);
    }
  };

  const busy = progress !== null;
  return (
    <Panel title={t("library.bulk.title")}>
      <p className="text-sm text-stone-700 dark:text-stone-300">{t("library.bulk.lead")}</p>
      <form onSubmit={(e) => void submit(e)} className="space-y-4">
        <FileField label={t("library.bulk.zip")} accept=".zip,application/zip" required disabled={busy} onFile={setZip} />
        <FileField label={t("library.bulk.csv")} hint={t("library.bulk.csvHint")} accept=".csv,text/csv" disabled={busy} onFile={setCsv} />
        {busy ? (
          <div className="space-y-1">
            <progress className="w-full" max={100} value={progress} aria-label={t("library.bulk.progress")}>
              {progress}%
            </progress>
            <p className="text-sm">{progress < 100 ? t("library.bulk.sending", { percent: progress }) : t("library.bulk.processing")}</p>
          </div>
        ) : null}
        <LiveMessage tone="error">{error ? errorMessage(t, error) : null}</LiveMessage>
        <LiveMessage tone="success">{result ? t("library.bulk.summary", { created: result.created, failed: result.failed }) : null}</LiveMessage>
        <Button type="submit" busy={busy} disabled={!zip}>
          {t("library.bulk.submit")}
        </Button>
      </form>
      {result && result.items.length > 0 ? (
        <div className="overflow-x-auto">
          <table className="w-full text-start text-sm">
            <caption className="sr-only">{t("library.bulk.results")}</caption>
            <thead>
              <tr>
                <th scope="col" className="py-2 text-start">{t("library.bulk.file")}</th>
                <th scope="col" className="py-2 text-start">{t("library.bulk.outcome")}</th>
              </tr>
            </thead>
            <tbody>
              {result.items.map((item) => (
                <tr key={item.file} className="border-t border-stone-200 dark:border-stone-800">
                  <td className="break-all py-2 pe-2">{item.file}</td>
                  <td className={`py-2 ${item.ok ? "" : "font-medium text-red-700 dark:text-red-400"}`}>
                    {item.ok ? t("library.bulk.added", { word: item.card?.word ?? item.file }) : (item.error?.message ?? t("errors.unknown"))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </Panel>
  );
}

function FileField({ label, hint, accept, required, disabled, onFile }: { label: string; hint?: string; accept: string; required?: boolean; disabled?: boolean; onFile: (f: File | null) => void }) {
  const id = useId();
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      <input id={id} type="file" accept={accept} required={required} disabled={disabled} aria-describedby={hint ? `${id}-hint` : undefined} className="block max-w-full text-sm" onChange={(e) => onFile(e.target.files?.[0] ?? null)} />
      {hint ? (
        <p id={`${id}-hint`} className="text-sm text-stone-600 dark:text-stone-400">
          {hint}
        </p>
      ) : null}
    </div>
  );
}
