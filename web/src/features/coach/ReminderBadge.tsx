import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { coachApi, coachKeys, userTransport } from "./api";

const client = coachApi(userTransport);

/** In the header: how many steps fell due, linking to them; nothing at all when none did. */
export function ReminderBadge() {
  const { t } = useTranslation("coach");
  const notifications = useQuery({ queryKey: coachKeys.notifications(userTransport.scope), queryFn: () => client.notifications(true), refetchInterval: 60_000, retry: false });
  const due = (notifications.data ?? []).filter((n) => n.kind === "commitment_due").length;
  if (due === 0) return null;
  return (
    <Link
      to="/coach/commitments"
      className="inline-flex min-h-11 items-center gap-1 rounded-lg border border-brand-700 px-3 text-sm font-semibold text-brand-900 hover:bg-brand-50 dark:border-brand-300 dark:text-brand-100 dark:hover:bg-brand-900"
    >
      <span aria-hidden="true">⏰</span>
      {/* Narrow screens show only the number; the words stay for screen readers. */}
      <span className="max-sm:sr-only">{t("badge.due", { n: due })}</span>
      <span aria-hidden="true" className="sm:hidden">
        {due}
      </span>
    </Link>
  );
}
