import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { LiveMessage } from "../../components/Alert";
import { Button, buttonClass } from "../../components/Button";
import { coachApi, coachKeys, userTransport, type Notification } from "./api";
import { useErrorText } from "./useErrorText";

const client = coachApi(userTransport);

export function dueText(n: Notification): string {
  return typeof n.payload.text === "string" ? n.payload.text : "";
}

/** Reflect on a step with the coach: the studio opens a conversation about it, and the person goes there. */
export function useReflect() {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (commitmentId: string) => client.reflect(commitmentId),
    onSuccess: async ({ conversationId }) => {
      await queryClient.invalidateQueries({ queryKey: coachKeys.commitments(userTransport.scope) });
      await navigate(`/coach/${conversationId}`);
    },
  });
}

/** Reminders of steps that fell due, until the person acts on them or puts them aside. */
export function DueReminders() {
  const { t } = useTranslation("coach");
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const scope = userTransport.scope;
  const notifications = useQuery({ queryKey: coachKeys.notifications(scope), queryFn: () => client.notifications(true), refetchInterval: 60_000 });
  const due = (notifications.data ?? []).filter((n) => n.kind === "commitment_due");
  const refresh = () => Promise.all([queryClient.invalidateQueries({ queryKey: coachKeys.notifications(scope) }), queryClient.invalidateQueries({ queryKey: coachKeys.commitments(scope) })]);
  const dismiss = useMutation({ mutationFn: (id: string) => client.markRead(id), onSuccess: refresh });
  const done = useMutation({
    mutationFn: async (n: Notification) => {
      await client.updateCommitment(String(n.payload.commitmentId), { status: "done" });
      await client.markRead(n.id);
    },
    onSuccess: refresh,
  });
  const reflect = useReflect();
  const failure = dismiss.error ?? done.error ?? reflect.error;

  if (due.length === 0) return <LiveMessage tone="error">{failure ? errorText(failure) : null}</LiveMessage>;
  return (
    <section aria-labelledby="coach-due" className="space-y-3 rounded-xl border-s-4 border-brand-700 bg-brand-50 p-4 dark:border-brand-300 dark:bg-brand-900">
      <h2 id="coach-due" className="text-lg font-semibold">
        <span aria-hidden="true">⏰ </span>
        {t("reminders.title", { n: due.length })}
      </h2>
      <ul className="space-y-3">
        {due.map((n) => (
          <li key={n.id} className="space-y-2">
            <p className="font-medium">{dueText(n)}</p>
            <div className="flex flex-wrap gap-2">
              <Button variant="secondary" busy={done.isPending && done.variables?.id === n.id} onClick={() => done.mutate(n)}>
                {t("commitments.markDone")}
              </Button>
              <Button
                variant="secondary"
                busy={reflect.isPending}
                onClick={() => {
                  dismiss.mutate(n.id);
                  reflect.mutate(String(n.payload.commitmentId));
                }}
              >
                {t("commitments.reflect")}
              </Button>
              <Link className={buttonClass("ghost")} to="/coach/commitments">
                {t("reminders.reschedule")}
              </Link>
              <Button variant="ghost" onClick={() => dismiss.mutate(n.id)}>
                {t("reminders.dismiss")}
              </Button>
            </div>
          </li>
        ))}
      </ul>
      <LiveMessage tone="error">{failure ? errorText(failure) : null}</LiveMessage>
    </section>
  );
}
