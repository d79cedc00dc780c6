import { useId, useState, type ChangeEvent, type DragEvent } from "react";
import { useTranslation } from "react-i18next";
import { LiveMessage } from "../../components/Alert";
import { Button } from "../../components/Button";
import { Panel } from "../../components/Page";
import { errorMessage } from "../../lib/errors";
import type { LibraryCard } from "./api";
import { useInvalidateLibrary } from "./hooks";
import { uploadForm } from "./upload";

export const IMAGE_TYPES = ["image/png", "image/jpeg", "image/webp"];
export const MAX_IMAGE_BYTES = 10 * 1024 * 1024;

type Status = "ready" | "uploading" | "done" | "failed";
interface PendingImage {
  key: string;
  file: File;
  word: string;
  alt: string;
  status: Status;
  progress: number;
  error?: string;
}

/** "sunrise_over-hills.png" → "Sunrise over hills": a starting word the person can change. */
export function wordFromFileName(name: string): string {
  const base = name.replace(/\.[^.]+$/, "").replace(/[_-]+/g, " ").replace(/\s+/g, " ").trim();
  const word = base.charAt(0).toUpperCase() + base.slice(1);
  return word.slice(0, 80) || "Card";
}

let nextKey = 0;

/**
 * Adds one card per picture. Each file gets its own word, alt text, progress bar and
 * result, so one bad file (too large, wrong type) never blocks the others.
 */
export function UploadPanel({ deckId }: { deckId: string }) {
  const { t } = useTranslation();
  const invalidate = useInvalidateLibrary();
  const inputId = useId();
  const [items, setItems] = useState<PendingImage[]>([]);
  const [running, setRunning] = useState(false);
  const [dragging, setDragging] = useState(false);
  const [summary, setSummary] = useState("");

  const update = (key: string, patch: Partial<PendingImage>) => setItems((list) => list.map((it) => (it.key === key ? { ...it, ...patch } : it)));

  const add = (files: FileList | File[]) => {
    setSummary("");
    const added = [...files].map((file): PendingImage => {
      nextKey += 1;
      const base = { key: `f${nextKey}`, file, word: wordFromFileName(file.name), alt: "", progress: 0 };
      if (!IMAGE_TYPES.includes(file.type)) return { ...base, status: "failed", error: t("library.upload.wrongType") };
      if (file.size > MAX_IMAGE_BYTES) return { ...base, status: "failed", error: t("library.upload.tooLarge") };
      return { ...base, status: "ready" };
    });
    setItems((list) => [...list.filter((it) => it.status !== "done"), ...added]);
  };

  const onPick = (e: ChangeEvent<HTMLInputElement>) => {
    if (e.target.files) add(e.target.files);
    e.target.value = "";
  };
  const onDrop = (e: DragEvent<HTMLDivElement>) => {
    e.preventDefault();
    setDragging(false);
    if (e.dataTransfer.files.length) add(e.dataTransfer.files);
  };

  const uploadAll = async () => {
    setRunning(true);
    let ok = 0;
    let failed = 0;
    // One at a time: progress is easy to follow and a phone's upload link is not split.
    for (const item of items.filter((it) => it.status === "ready")) {
      update(item.key, { status: "uploading", progress: 0, error: undefined });
      const form = new FormData();
      form.append("word", item.word.trim() || wordFromFileName(item.file.name));
      if (item.alt.trim()) form.append("alt", item.alt.trim());
      form.append("image", item.file, item.file.name);
      try {
        await uploadForm<LibraryCard>(`/api/decks/${deckId}/cards`, form, {
          onProgress: ({ loaded, total }) => update(item.key, { progress: Math.round((loaded / total) * 100) }),
        });
        update(item.key, { status: "done", progress: 100 });
        ok += 1;
      } catch (error) {
        update(item.key, { status: "failed", error: errorMessage(t, error) });
        failed += 1;
      }
    }
    setRunning(false);
    setSummary(t("library.upload.summary", { ok, failed }));
    await invalidate();
  };

  const ready = items.filter((it) => it.status === "ready").length;
  return (
    <Panel title={t("library.upload.title")}>
      <div
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
        className={`space-y-2 rounded-xl border-2 border-dashed p-4 text-center ${dragging ? "border-brand-700 bg-brand-50 dark:bg-brand-900" : "border-stone-400 dark:border-stone-600"}`}
      >
        <p>{t("library.upload.dropHint")}</p>
        <label htmlFor={inputId} className="inline-block font-medium">
          {t("library.upload.choose")}
        </label>
        <input id={inputId} type="file" multiple accept={IMAGE_TYPES.join(",")} onChange={onPick} className="mx-auto block max-w-full text-sm" disabled={running} />
        <p className="text-sm text-stone-700 dark:text-stone-300">{t("library.upload.limits")}</p>
      </div>
      {items.length > 0 && (
        <ul className="space-y-3" aria-label={t("library.upload.files")}>
          {items.map((it) => (
            <UploadRow key={it.key} item={it} disabled={running || it.status !== "ready"} onChange={(patch) => update(it.key, patch)} onRemove={() => setItems((l) => l.filter((x) => x.key !== it.key))} />
          ))}
        </ul>
      )}
      <LiveMessage tone="info">{summary || null}</LiveMessage>
      {items.length > 0 && (
        <Button onClick={() => void uploadAll()} busy={running} disabled={ready === 0}>
          {running ? t("library.upload.uploading") : t("library.upload.submit", { n: ready })}
        </Button>
      )}
    </Panel>
  );
}

function UploadRow({ item, disabled, onChange, onRemove }: { item: PendingImage; disabled: boolean; onChange: (patch: Partial<PendingImage>) => void; onRemove: () => void }) {
  const { t } = useTranslation();
  const wordId = useId();
  const altId = useId();
  return (
    <li className="space-y-2 rounded-lg border border-stone-300 p-3 dark:border-stone-700">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <span className="break-all font-medium">{item.file.name}</span>
        <span className="text-sm">{t(`library.upload.status.${item.status}`)}</span>
      </div>
      <div className="grid gap-2 sm:grid-cols-2">
          <div className="space-y-1">
            <label htmlFor={wordId} className="block text-sm font-medium">
              {t("library.upload.wordFor", { file: item.file.name })}
            </label>
            <input id={wordId} className="block min-h-11 w-full rounded-lg border border-stone-400 bg-white px-3 dark:border-stone-500 dark:bg-stone-900" value={item.word} maxLength={80} disabled={disabled} onChange={(e) => onChange({ word: e.target.value })} />
          </div>
          <div className="space-y-1">
            <label htmlFor={altId} className="block text-sm font-medium">
              {t("library.upload.altFor", { file: item.file.name })}
            </label>
            <input id={altId} className="block min-h-11 w-full rounded-lg border border-stone-400 bg-white px-3 dark:border-stone-500 dark:bg-stone-900" value={item.alt} maxLength={300} disabled={disabled} onChange={(e) => onChange({ alt: e.target.value })} />
          </div>
        </div>
      {item.status === "uploading" || item.status === "done" ? (
        <progress className="w-full" max={100} value={item.progress} aria-label={t("library.upload.progressOf", { file: item.file.name })}>
          {item.progress}%
        </progress>
      ) : null}
      {item.error ? (
        <p className="text-sm font-medium text-red-700 dark:text-red-400">
          {item.error}
        </p>
      ) : null}
      {item.status !== "uploading" && item.status !== "done" && (
        <Button variant="ghost" onClick={onRemove} aria-label={t("library.upload.remove", { file: item.file.name })}>
          {t("library.upload.removeShort")}
        </Button>
      )}
    </li>
  );
}
