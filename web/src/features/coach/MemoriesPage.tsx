import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { LiveMessage } from "../../components/Alert";
import { Button } from "../../components/Button";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { Page } from "../../components/Page";
import { formatDate } from "../../lib/format";
import { coachApi, coachKeys, userTransport, type Memory } from "./api";
import { useErrorText } from "./useErrorText";

const client = coachApi(userTransport);

/** Everything the coach may remember about me, because I chose to keep it; each can be forgotten. */
export function MemoriesPage() {
  const { t, i18n } = useTranslation("coach");
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const key = coachKeys.memories(userTransport.scope);
  const memories = useQuery({ queryKey: key, queryFn: client.memories });
  const [forgetting, setForgetting] = useState<Memory | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const forget = useMutation({
    mutationFn: (m: Memory) => client.forget(m.id),
    onSuccess: async (_r, m) => {
      setForgetting(null);
      setMessage(t("memories.forgotten", { text: m.text }));
      await queryClient.invalidateQueries({ queryKey: key });
    },
  });

  return (
    <Page title={t("memories.title")} lead={t("memories.lead")}>
      <p>
        <Link className="underline" to="/coach">
          {t("conversation.back")}
        </Link>
      </p>
      <LiveMessage tone="success">{message}</LiveMessage>
      <LiveMessage tone="error">{forget.error ? errorText(forget.error) : memories.error ? errorText(memories.error) : null}</LiveMessage>
      {memories.isPending ? (
        <p role="status">{t("common.loading")}</p>
      ) : memories.data && memories.data.length === 0 ? (
        <p>{t("memories.empty")}</p>
      ) : (
        <ul className="space-y-2">
          {(memories.data ?? []).map((m) => (
            <li key={m.id} className="flex flex-wrap items-center justify-between gap-2 rounded-lg border border-stone-300 p-3 dark:border-stone-700">
              <div>
                <p className="font-medium">{m.text}</p>
                <p className="text-sm text-stone-700 dark:text-stone-300">
                  {t(`memories.kind.${m.kind}`)} · {formatDate(m.createdAt, i18n.language)}
                </p>
              </div>
              <Button variant="secondary" aria-label={t("memories.forgetOne", { text: m.text })} onClick={() => setForgetting(m)}>
                {t("memories.forget")}
              </Button>
            </li>
          ))}
        </ul>
      )}
      <ConfirmDialog open={forgetting !== null} title={t("memories.confirmTitle")} confirmLabel={t("memories.forget")} busy={forget.isPending} onConfirm={() => forgetting && forget.mutate(forgetting)} onCancel={() => setForgetting(null)}>
        <p>{forgetting ? t("memories.confirmBody", { text: forgetting.text }) : null}</p>
      </ConfirmDialog>
    </Page>
  );
}
