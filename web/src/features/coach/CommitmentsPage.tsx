import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useId, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { LiveMessage } from "../../components/Alert";
import { Button } from "../../components/Button";
import { Page, Panel } from "../../components/Page";
import { formatDate } from "../../lib/format";
import { coachApi, coachKeys, userTransport, type Commitment } from "./api";
import { DueReminders, useReflect } from "./Reminders";
import { dateInputValue, dueFromDateInput } from "./summaryDraft";
import { useErrorText } from "./useErrorText";

const client = coachApi(userTransport);

/** My steps: soonest due first; mark done, reschedule, or reflect on one with the coach. */
export function CommitmentsPage() {
  const { t } = useTranslation("coach");
  const errorText = useErrorText();
  const list = useQuery({ queryKey: coachKeys.commitments(userTransport.scope), queryFn: client.commitments });
  const open = (list.data ?? []).filter((c) => c.status === "open");
  const closed = (list.data ?? []).filter((c) => c.status !== "open");
  return (
    <Page title={t("commitments.title")} lead={<Link className="underline" to="/coach">{t("conversation.back")}</Link>}>
      <DueReminders />
      {list.isPending ? (
        <p role="status">{t("common.loading")}</p>
      ) : list.error ? (
        <LiveMessage tone="error">{errorText(list.error)}</LiveMessage>
      ) : (
        <>
          <Panel title={t("commitments.open")}>
            {open.length === 0 ? <p>{t("commitments.none")}</p> : null}
            <ul className="space-y-4">
              {open.map((c) => (
                <CommitmentItem key={c.id} commitment={c} />
              ))}
            </ul>
          </Panel>
          {closed.length > 0 ? (
            <Panel title={t("commitments.closed")}>
              <ul className="space-y-4">
                {closed.map((c) => (
                  <CommitmentItem key={c.id} commitment={c} />
                ))}
              </ul>
            </Panel>
          ) : null}
        </>
      )}
    </Page>
  );
}

function CommitmentItem({ commitment: c }: { commitment: Commitment }) {
  const { t, i18n } = useTranslation("coach");
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const id = useId();
  const [rescheduling, setRescheduling] = useState(false);
  const [date, setDate] = useState(dateInputValue(c.dueAt));
  const [message, setMessage] = useState<string | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: coachKeys.all(userTransport.scope) });
  const update = useMutation({
    mutationFn: (body: { status?: "open" | "done" | "dropped"; dueAt?: string }) => client.updateCommitment(c.id, body),
    onSuccess: async (_r, body) => {
      setMessage(body.dueAt ? t("commitments.rescheduled") : body.status === "done" ? t("commitments.doneMessage") : t("commitments.reopened"));
      setRescheduling(false);
      await refresh();
    },
  });
  const reflect = useReflect();
  const overdue = c.status === "open" && c.dueAt !== null && new Date(c.dueAt).getTime() < Date.now();

  const reschedule = (e: FormEvent) => {
    e.preventDefault();
    const dueAt = dueFromDateInput(date);
    if (dueAt) update.mutate({ dueAt });
  };

  return (
    <li className="space-y-2 rounded-lg border border-stone-300 p-3 dark:border-stone-700" aria-labelledby={`${id}-text`}>
      <p id={`${id}-text`} className="font-medium">
        {c.status === "done" ? <span aria-hidden="true">✓ </span> : null}
        {c.text}
      </p>
      <p className="text-sm text-stone-700 dark:text-stone-300">
        {t(`commitments.status.${c.status}`)}
        {c.dueAt ? ` · ${t(overdue ? "commitments.overdue" : "commitments.due", { date: formatDate(c.dueAt, i18n.language) })}` : ""}
        {c.followUpCount > 0 ? ` · ${t("commitments.followUps", { n: c.followUpCount })}` : ""}
      </p>
      <div className="flex flex-wrap gap-2">
        {c.status === "open" ? (
          <>
            <Button variant="secondary" busy={update.isPending && update.variables?.status === "done"} onClick={() => update.mutate({ status: "done" })}>
              {t("commitments.markDone")}
            </Button>
            <Button variant="secondary" aria-expanded={rescheduling} onClick={() => setRescheduling((r) => !r)}>
              {t("commitments.reschedule")}
            </Button>
          </>
        ) : (
          <Button variant="ghost" onClick={() => update.mutate({ status: "open" })}>
            {t("commitments.reopen")}
          </Button>
        )}
        <Button variant="secondary" busy={reflect.isPending && reflect.variables === c.id} onClick={() => reflect.mutate(c.id)}>
          {t("commitments.reflect")}
        </Button>
      </div>
      {rescheduling ? (
        <form onSubmit={reschedule} className="flex flex-wrap items-end gap-2">
          <div className="space-y-1">
            <label htmlFor={`${id}-date`} className="block text-sm font-medium">
              {t("commitments.newDate")}
            </label>
            <input id={`${id}-date`} type="date" required value={date} onChange={(e) => setDate(e.target.value)} className="block min-h-11 rounded-lg border border-stone-400 bg-white px-3 py-2 text-base dark:border-stone-500 dark:bg-stone-900" />
          </div>
          <Button type="submit" busy={update.isPending}>
            {t("commitments.saveDate")}
          </Button>
        </form>
      ) : null}
      <LiveMessage tone="error">{update.error ? errorText(update.error) : reflect.error ? errorText(reflect.error) : null}</LiveMessage>
      <LiveMessage tone="success">{message}</LiveMessage>
    </li>
  );
}
