import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useSignedIn } from "../../app/session";
import { Button, buttonClass } from "../../components/Button";
import { Page, Panel } from "../../components/Page";

export function HomePage() {
  const { t } = useTranslation();
  const { me, activeOrg, switchOrg } = useSignedIn();

  return (
    <Page
      title={t("home.title", { name: me.user.name })}
      lead={
        activeOrg
          ? t("home.activeOrg", { org: activeOrg.org.name, role: t(`roles.${activeOrg.role}`) })
          : t("home.noOrg")
      }
    >
      <div className="flex flex-wrap gap-3">
        {activeOrg ? (
          <Link to="/org" className={buttonClass("primary")}>
            {t("home.manageOrg")}
          </Link>
        ) : (
          <Link to="/orgs/new" className={buttonClass("primary")}>
            {t("orgSwitcher.newOrg")}
          </Link>
        )}
        <Link to="/profile" className={buttonClass("secondary")}>
          {t("home.editProfile")}
        </Link>
      </div>
      {me.memberships.length > 0 && (
        <Panel title={t("home.yourOrgs")}>
          <ul className="divide-y divide-stone-200 dark:divide-stone-800">
            {me.memberships.map((m) => {
              const current = m.org.id === activeOrg?.org.id;
              return (
                <li key={m.org.id} className="flex flex-wrap items-center justify-between gap-2 py-3">
                  <span>
                    <span className="font-medium">{m.org.name}</span>{" "}
                    <span className="text-sm text-stone-600 dark:text-stone-400">
                      · {t(`roles.${m.role}`)}
                      {current ? ` · ${t("home.current")}` : ""}
                    </span>
                  </span>
                  {!current && (
                    <Button variant="secondary" onClick={() => switchOrg(m.org.id)}>
                      {t("home.switchTo", { name: m.org.name })}
                    </Button>
                  )}
                </li>
              );
            })}
          </ul>
        </Panel>
      )}
    </Page>
  );
}
