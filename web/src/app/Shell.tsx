import { Suspense, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, NavLink, Outlet, useLocation, useNavigate } from "react-router";
import { LiveMessage } from "../components/Alert";
import { buttonClass } from "../components/Button";
import { PageLoading } from "../components/Page";
import { OrgSwitcher } from "../features/orgs/OrgSwitcher";
import { CoachReminderBadge } from "../features/coach";
import { DisplaySettings } from "./DisplaySettings";
import { NAV_ENTRIES } from "./features";
import { useSession } from "./session";

/** A one-off message carried in navigation state, e.g. "You joined Acme". */
export interface FlashState {
  flash?: string;
}

const navLinkClass = ({ isActive }: { isActive: boolean }) =>
  `inline-flex min-h-11 items-center rounded-lg px-3 text-sm font-medium ${
    isActive ? "bg-brand-100 text-brand-900 dark:bg-brand-900 dark:text-brand-50" : "text-stone-800 hover:bg-stone-200 dark:text-stone-200 dark:hover:bg-stone-800"
  }`;

export function Shell() {
  const { t } = useTranslation();
  const { status, signOut } = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const [menuOpen, setMenuOpen] = useState(false);
  const mainRef = useRef<HTMLElement>(null);
  const firstRender = useRef(true);
  const signedIn = status === "signedIn";
  const flash = (location.state as FlashState | null)?.flash;

  // Move focus to the new page so keyboard and screen reader users start at its content.
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    setMenuOpen(false);
    mainRef.current?.focus({ preventScroll: true });
    window.scrollTo(0, 0);
  }, [location.pathname]);

  const doSignOut = async () => {
    setMenuOpen(false);
    await signOut();
    await navigate("/", { replace: true });
  };

  const navLinks = signedIn
    ? NAV_ENTRIES.map((entry) => (
        <li key={entry.to}>
          <NavLink to={entry.to} className={navLinkClass}>
            {t(entry.labelKey)}
          </NavLink>
        </li>
      ))
    : null;

  const account =
    status === "restoring" ? null : signedIn ? (
      <button type="button" className={buttonClass("secondary")} onClick={() => void doSignOut()}>
        {t("nav.signOut")}
      </button>
    ) : (
      <div className="flex items-center gap-2">
        <Link to="/signin" className={buttonClass("secondary")}>
          {t("nav.signIn")}
        </Link>
        <Link to="/signup" className={buttonClass("primary", "max-md:hidden")}>
          {t("nav.signUp")}
        </Link>
      </div>
    );

  return (
    <div className="flex min-h-dvh flex-col">
      <a
        href="#main"
        className="sr-only z-50 rounded-lg bg-white px-4 py-3 font-semibold text-brand-900 focus:not-sr-only focus:fixed focus:start-2 focus:top-2 dark:bg-stone-900 dark:text-brand-100"
      >
        {t("app.skipToContent")}
      </a>
      <header className="border-b border-stone-300 bg-white dark:border-stone-800 dark:bg-stone-900">
        <div className="mx-auto flex h-16 max-w-6xl items-center gap-3 px-4">
          <Link to={signedIn ? "/home" : "/"} className="shrink-0 rounded-lg text-base font-bold text-brand-800 dark:text-brand-300">
            {t("app.name")}
          </Link>
          {signedIn && (
            <nav aria-label={t("app.mainNav")} className="max-lg:hidden">
              <ul className="flex items-center gap-1">{navLinks}</ul>
            </nav>
          )}
          <div className="ms-auto flex items-center gap-2">
            {signedIn && <CoachReminderBadge />}
            <div className="flex items-center gap-2 max-lg:hidden">
              {signedIn && <OrgSwitcher compact />}
              <DisplaySettings compact />
            </div>
            <div className="max-lg:hidden">{account}</div>
            <button
              type="button"
              className={buttonClass("ghost", "lg:hidden")}
              aria-expanded={menuOpen}
              aria-controls="mobile-menu"
              onClick={() => setMenuOpen((open) => !open)}
            >
              {menuOpen ? t("app.closeMenu") : t("app.menu")}
            </button>
          </div>
        </div>
        {menuOpen && (
          <div id="mobile-menu" className="space-y-4 border-t border-stone-300 px-4 py-4 lg:hidden dark:border-stone-800">
            {signedIn && (
              <nav aria-label={t("app.mainNav")}>
                <ul className="flex flex-col gap-1">{navLinks}</ul>
              </nav>
            )}
            {signedIn && <OrgSwitcher compact={false} />}
            <DisplaySettings compact={false} />
            {account}
          </div>
        )}
      </header>
      <main id="main" ref={mainRef} tabIndex={-1} className="flex-1">
        {flash ? (
          <div className="mx-auto max-w-3xl px-4 pt-6">
            <LiveMessage tone="success">{flash}</LiveMessage>
          </div>
        ) : null}
        <Suspense fallback={<PageLoading />}>
          <Outlet />
        </Suspense>
      </main>
    </div>
  );
}
