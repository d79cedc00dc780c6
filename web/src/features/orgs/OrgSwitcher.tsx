import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useSession } from "../../app/session";

/** Picks the organisation the app acts in; requests carry it as `X-Org-Id`. */
export function OrgSwitcher({ compact }: { compact: boolean }) {
  const { t } = useTranslation();
  const { me, activeOrg, switchOrg } = useSession();
  const [announcement, setAnnouncement] = useState("");
  const id = useId();
  if (!me) return null;

  return (
    <div className={compact ? "flex items-center gap-2" : "space-y-1"}>
      {me.memberships.length > 0 && (
        <label htmlFor={id} className={compact ? "sr-only" : "block text-sm font-medium"}>
          {t("orgSwitcher.label")}
        </label>
      )}
      {me.memberships.length > 0 && (
        <select
          id={id}
          className="min-h-11 w-full max-w-56 rounded-lg border border-stone-400 bg-white px-2 text-sm text-stone-900 dark:border-stone-500 dark:bg-stone-900 dark:text-stone-100"
          value={activeOrg?.org.id ?? ""}
          onChange={(e) => {
            const next = me.memberships.find((m) => m.org.id === e.target.value);
            if (!next) return;
            switchOrg(next.org.id);
            setAnnouncement(t("orgSwitcher.switched", { name: next.org.name }));
          }}
        >
          {me.memberships.map((m) => (
            <option key={m.org.id} value={m.org.id}>
              {m.org.name}
            </option>
          ))}
        </select>
      )}
      <Link to="/orgs/new" className="inline-block py-2 text-sm font-medium text-brand-700 underline-offset-4 hover:underline dark:text-brand-300">
        {t("orgSwitcher.newOrg")}
      </Link>
      <span role="status" className="sr-only">
        {announcement}
      </span>
    </div>
  );
}
