import { useId } from "react";
import { useTranslation } from "react-i18next";
import type { Safety } from "./api";

const CRISIS = new Set(["self_harm", "harm_to_others", "abuse"]);

function contactHref(contact: string): string | null {
  if (/^https?:\/\//.test(contact)) return contact;
  if (/^[+\d][\d\s-]{1,20}$/.test(contact.trim())) return `tel:${contact.replace(/[\s-]/g, "")}`;
  return null;
}

/**
 * A safety answer: for a crisis, the help resources come first and plainly; for medical,
 * legal or financial questions, a pointer to a professional. Marked by a heading and an
 * icon as well as by colour.
 */
export function SafetyNotice({ safety }: { safety: Safety }) {
  const { t } = useTranslation("coach");
  const id = useId();
  const crisis = CRISIS.has(safety.kind);
  return (
    <section
      aria-labelledby={id}
      className={`mt-2 space-y-2 rounded-lg border-s-4 p-3 text-sm ${
        crisis ? "border-red-700 bg-red-50 text-red-950 dark:border-red-400 dark:bg-red-950 dark:text-red-50" : "border-amber-700 bg-amber-50 text-amber-950 dark:border-amber-400 dark:bg-amber-950 dark:text-amber-50"
      }`}
    >
      <h3 id={id} className="font-semibold">
        <span aria-hidden="true">{crisis ? "♥ " : "ⓘ "}</span>
        {t(crisis ? "safety.crisisTitle" : "safety.adviceTitle")}
      </h3>
      <p>{t(`safety.kind.${safety.kind}`)}</p>
      {safety.resources.length > 0 ? (
        <ul className="space-y-1">
          {safety.resources.map((r) => {
            const href = contactHref(r.contact);
            return (
              <li key={`${r.name}-${r.contact}`}>
                <span className="font-semibold">{r.name}</span>
                {": "}
                {href ? (
                  <a className="underline" href={href} target={href.startsWith("http") ? "_blank" : undefined} rel="noreferrer">
                    {r.contact}
                  </a>
                ) : (
                  r.contact
                )}
              </li>
            );
          })}
        </ul>
      ) : null}
    </section>
  );
}
