import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useId, useMemo, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { LiveMessage } from "../../components/Alert";
import { Button } from "../../components/Button";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { PageLoading } from "../../components/Page";
import { coachApi, coachKeys, type CoachTransport } from "./api";
import { draftFrom, inputFrom, type SummaryDraft } from "./summaryDraft";
import { useErrorText } from "./useErrorText";

const control = "block w-full min-h-11 rounded-lg border border-stone-400 bg-white px-3 py-2 text-base dark:border-stone-500 dark:bg-stone-900";

/**
 * What to keep from a conversation: the coach proposes themes, cards and commitments; the
 * person edits every line, then keeps it (choosing whether the coach may remember it and
 * whether the commitments are followed up) or deletes it.
 */
export function SummaryEditor({ transport, conversationId, guest = false }: { transport: CoachTransport; conversationId: string; guest?: boolean }) {
  const { t } = useTranslation("coach");
  const errorText = useErrorText();
  const client = useMemo(() => coachApi(transport), [transport]);
  const queryClient = useQueryClient();
  const key = coachKeys.summary(transport.scope, conversationId);
  const summary = useQuery({ queryKey: key, queryFn: () => client.summary(conversationId) });
  const [draft, setDraft] = useState<SummaryDraft | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [done, setDone] = useState<"kept" | "deleted" | null>(null);
  const baseId = useId();

  useEffect(() => {
    // A session guest has no account to be reminded at, so only signed-in people track steps here.
    if (summary.data && !draft) setDraft({ ...draftFrom(summary.data), track: !guest });
  }, [summary.data, draft, guest]);

  const keep = useMutation({
    mutationFn: (d: SummaryDraft) => client.saveSummary(conversationId, inputFrom(d, summary.data?.cards ?? [])),
    onSuccess: (saved, d) => {
      queryClient.setQueryData(key, saved);
      setDraft({ ...draftFrom(saved), remember: d.remember, track: d.track });
      setDone("kept");
      void queryClient.invalidateQueries({ queryKey: coachKeys.commitments(transport.scope) });
      void queryClient.invalidateQueries({ queryKey: coachKeys.memories(transport.scope) });
    },
  });
  const remove = useMutation({
    mutationFn: () => client.deleteSummary(conversationId),
    onSuccess: async () => {
      setConfirming(false);
      setDone("deleted");
      setDraft(null);
      await queryClient.invalidateQueries({ queryKey: key });
    },
  });

  if (summary.isPending || (!draft && !summary.error)) return <PageLoading />;
  if (summary.error || !draft) return <LiveMessage tone="error">{errorText(summary.error)}</LiveMessage>;

  const set = (patch: Partial<SummaryDraft>) => setDraft({ ...draft, ...patch });
  const setTheme = (i: number, value: string) => set({ themes: draft.themes.map((th, j) => (j === i ? value : th)) });
  const setCommitment = (i: number, patch: Partial<SummaryDraft["commitments"][number]>) => set({ commitments: draft.commitments.map((c, j) => (j === i ? { ...c, ...patch } : c)) });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setDone(null);
    keep.mutate(draft);
  };
  const kept = summary.data.status === "kept";

  return (
    <>
    <form onSubmit={submit} className="space-y-5" aria-describedby={`${baseId}-status`}>
      <p id={`${baseId}-status`} className="text-sm text-stone-700 dark:text-stone-300">
        {kept ? t("summary.isKept") : t("summary.isDraft")}
      </p>
      {summary.data.cards.length > 0 ? (
        <p className="text-sm">
          <span className="font-semibold">{t("summary.cards")}:</span> {summary.data.cards.map((c) => c.word).join(", ")}
        </p>
      ) : null}

      <fieldset className="space-y-2">
        <legend className="font-semibold">{t("summary.themes")}</legend>
        {draft.themes.length === 0 ? <p className="text-sm text-stone-700 dark:text-stone-300">{t("summary.noThemes")}</p> : null}
        <ul className="space-y-2">
          {draft.themes.map((theme, i) => (
            <li key={i} className="flex items-end gap-2">
              <div className="flex-1 space-y-1">
                <label htmlFor={`${baseId}-theme-${i}`} className="block text-sm">
                  {t("summary.theme", { n: i + 1 })}
                </label>
                <input id={`${baseId}-theme-${i}`} className={control} maxLength={120} value={theme} onChange={(e) => setTheme(i, e.target.value)} />
              </div>
              <Button variant="ghost" aria-label={t("summary.removeTheme", { n: i + 1 })} onClick={() => set({ themes: draft.themes.filter((_, j) => j !== i) })}>
                {t("summary.remove")}
              </Button>
            </li>
          ))}
        </ul>
        {draft.themes.length < 12 ? (
          <Button variant="secondary" onClick={() => set({ themes: [...draft.themes, ""] })}>
            {t("summary.addTheme")}
          </Button>
        ) : null}
      </fieldset>

      <fieldset className="space-y-2">
        <legend className="font-semibold">{t("summary.commitments")}</legend>
        {draft.commitments.length === 0 ? <p className="text-sm text-stone-700 dark:text-stone-300">{t("summary.noCommitments")}</p> : null}
        <ul className="space-y-3">
          {draft.commitments.map((c, i) => (
            <li key={i} className="space-y-2 rounded-lg border border-stone-300 p-3 dark:border-stone-700">
              <div className="space-y-1">
                <label htmlFor={`${baseId}-c-${i}`} className="block text-sm font-medium">
                  {t("summary.commitment", { n: i + 1 })}
                </label>
                <input id={`${baseId}-c-${i}`} className={control} maxLength={500} value={c.text} onChange={(e) => setCommitment(i, { text: e.target.value })} />
              </div>
              <div className="grid gap-2 sm:grid-cols-2">
                <div className="space-y-1">
                  <label htmlFor={`${baseId}-tf-${i}`} className="block text-sm">
                    {t("summary.timeFrame")}
                  </label>
                  <input id={`${baseId}-tf-${i}`} className={control} maxLength={120} placeholder={t("summary.timeFramePlaceholder")} value={c.timeFrame} onChange={(e) => setCommitment(i, { timeFrame: e.target.value })} />
                </div>
                <div className="space-y-1">
                  <label htmlFor={`${baseId}-due-${i}`} className="block text-sm">
                    {t("summary.due")}
                  </label>
                  <input id={`${baseId}-due-${i}`} type="date" className={control} value={c.due} onChange={(e) => setCommitment(i, { due: e.target.value })} />
                </div>
              </div>
              <Button variant="ghost" onClick={() => set({ commitments: draft.commitments.filter((_, j) => j !== i) })} aria-label={t("summary.removeCommitment", { n: i + 1 })}>
                {t("summary.remove")}
              </Button>
            </li>
          ))}
        </ul>
        {draft.commitments.length < 10 ? (
          <Button variant="secondary" onClick={() => set({ commitments: [...draft.commitments, { text: "", timeFrame: "", due: "" }] })}>
            {t("summary.addCommitment")}
          </Button>
        ) : null}
      </fieldset>

      <div className="space-y-1">
        <label htmlFor={`${baseId}-note`} className="block font-semibold">
          {t("summary.note")}
        </label>
        <textarea id={`${baseId}-note`} rows={3} maxLength={2000} className={control} value={draft.note} onChange={(e) => set({ note: e.target.value })} />
      </div>

      <div className="space-y-2">
        {guest ? null : (
          <>
            <label className="flex items-start gap-2 text-sm">
              <input type="checkbox" className="mt-0.5 size-5 shrink-0" checked={draft.remember} onChange={(e) => set({ remember: e.target.checked })} />
              <span>{t("summary.remember")}</span>
            </label>
            <label className="flex items-start gap-2 text-sm">
              <input type="checkbox" className="mt-0.5 size-5 shrink-0" checked={draft.track} onChange={(e) => set({ track: e.target.checked })} />
              <span>{t("summary.track")}</span>
            </label>
          </>
        )}
      </div>

      <LiveMessage tone="error">{keep.error ? errorText(keep.error) : remove.error ? errorText(remove.error) : null}</LiveMessage>
      <LiveMessage tone="success">
        {done === "kept" ? (
          <>
            {t("summary.kept")}{" "}
            {guest ? null : (
              <Link className="underline" to="/coach/commitments">
                {t("summary.seeCommitments")}
              </Link>
            )}
          </>
        ) : done === "deleted" ? (
          t("summary.deleted")
        ) : null}
      </LiveMessage>
      <div className="flex flex-wrap gap-2">
        <Button type="submit" busy={keep.isPending}>
          {t("summary.keep")}
        </Button>
        {kept ? (
          <Button variant="danger" onClick={() => setConfirming(true)}>
            {t("summary.delete")}
          </Button>
        ) : null}
      </div>
    </form>
      <ConfirmDialog open={confirming} title={t("summary.deleteTitle")} confirmLabel={t("summary.deleteConfirm")} busy={remove.isPending} onConfirm={() => remove.mutate()} onCancel={() => setConfirming(false)}>
        <p>{t("summary.deleteBody")}</p>
      </ConfirmDialog>
    </>
  );
}
