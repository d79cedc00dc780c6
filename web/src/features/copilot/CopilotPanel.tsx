import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useEffect, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useSignedIn } from "../../app/session";
import { Button } from "../../components/Button";
import { errorMessage } from "../../lib/errors";
import { useCommand } from "../sessions/live/hooks";
import { useLive } from "../sessions/live/LiveProvider";
import { copilotApi, copilotKeys, type CopilotCard, type CopilotQuestion, type CopilotView } from "./api";

const NS = "copilot";
/** Events often come in bursts (a deal, a round of reactions): ask once things settle. */
const SETTLE_MS = 1200;
const OPEN_KEY = "pyou.copilot.open";

function useSettled<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const id = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(id);
  }, [value, ms]);
  return settled;
}

function rememberedOpen(): boolean {
  try {
    return localStorage.getItem(OPEN_KEY) !== "closed";
  } catch {
    return true;
  }
}

/**
 * The facilitator's copilot in the console: it asks the server only while it is open, and
 * again only after the session has changed, so a hidden panel costs the live session nothing.
 */
export function CopilotPanel({ sessionId }: { sessionId: string }) {
  const { t } = useTranslation(NS);
  const [open, setOpen] = useState(rememberedOpen);
  const headingId = useId();
  const bodyId = useId();

  const toggle = () => {
    const next = !open;
    setOpen(next);
    try {
      localStorage.setItem(OPEN_KEY, next ? "open" : "closed");
    } catch {
      // Remembering is a convenience; the panel works without it.
    }
  };

  return (
    <section aria-labelledby={headingId} data-testid="copilot" className="space-y-3 rounded-xl border border-stone-300 bg-white p-4 dark:border-stone-700 dark:bg-stone-900">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id={headingId} className="text-lg font-semibold">
          {t("title")}
        </h2>
        <Button variant="ghost" aria-expanded={open} aria-controls={bodyId} onClick={toggle}>
          {open ? t("hide") : t("show")}
        </Button>
      </div>
      <p className="text-sm text-stone-700 dark:text-stone-300">{t("intro")}</p>
      <div id={bodyId} hidden={!open}>
        {open ? <Suggestions sessionId={sessionId} /> : null}
      </div>
    </section>
  );
}

function Suggestions({ sessionId }: { sessionId: string }) {
  const { t, i18n } = useTranslation(NS);
  const { activeOrg } = useSignedIn();
  const { snapshot } = useLive();
  const language = i18n.language?.startsWith("he") ? "he" : "en";
  const version = useSettled(snapshot.seq, SETTLE_MS);
  const orgId = activeOrg?.org.id ?? "none";
  const query = useQuery({
    queryKey: copilotKeys.view(orgId, sessionId, language, version),
    queryFn: () => copilotApi.view(sessionId, language),
    placeholderData: keepPreviousData,
    staleTime: Infinity,
    enabled: snapshot.state !== null,
  });
  const [status, setStatus] = useState("");
  const shown = useRef<string | null>(null);
  const data = query.data;

  // Say so when the suggestions change, but not on the first load or when nothing new came.
  useEffect(() => {
    if (!data) return;
    const signature = [...data.questions.map((q) => q.id), ...data.cards.map((c) => c.card.id)].join(",");
    if (shown.current !== null && shown.current !== signature) setStatus(t("updated"));
    shown.current = signature;
  }, [data, t]);

  return (
    <div className="space-y-4">
      <p role="status" aria-live="polite" className="text-sm text-stone-700 dark:text-stone-300">
        {status}
      </p>
      {query.isPending ? <p className="text-sm">{t("loading")}</p> : null}
      {query.error && !data ? (
        <div role="alert" className="space-y-2 rounded-lg border-s-4 border-red-700 bg-red-50 px-4 py-3 text-sm text-red-900 dark:border-red-400 dark:bg-red-950 dark:text-red-100">
          <p>{t("failed", { message: errorMessage(t, query.error) })}</p>
          <Button variant="secondary" onClick={() => void query.refetch()}>
            {t("retry")}
          </Button>
        </div>
      ) : null}
      {data ? (
        <>
          <Questions view={data} ended={snapshot.state?.status === "ended"} onStatus={setStatus} />
          <People view={data} />
          <Cards view={data} suggestionsEnabled={snapshot.state?.suggestionsEnabled ?? true} />
          <Button variant="secondary" busy={query.isFetching} onClick={() => void query.refetch()}>
            {t("refresh")}
          </Button>
        </>
      ) : null}
    </div>
  );
}

function Questions({ view, ended, onStatus }: { view: CopilotView; ended: boolean; onStatus: (text: string) => void }) {
  const { t } = useTranslation(NS);
  const { run, error, busy } = useCommand();
  const headingId = useId();

  const post = async (q: CopilotQuestion) => {
    const result = await run("chat.send", { text: q.text });
    if (result.ok) onStatus(t("questions.posted"));
  };
  const copy = async (q: CopilotQuestion) => {
    try {
      await navigator.clipboard.writeText(q.text);
      onStatus(t("questions.copied"));
    } catch {
      onStatus(t("questions.copyFailed"));
    }
  };

  return (
    <section aria-labelledby={headingId} className="space-y-2">
      <h3 id={headingId} className="font-semibold">
        {t("questions.title")}
      </h3>
      {view.questions.length === 0 ? <p className="text-sm">{t("questions.empty")}</p> : null}
      <ul className="space-y-2">
        {view.questions.map((q) => (
          <li key={q.id} className="space-y-2 rounded-lg border border-stone-300 p-3 dark:border-stone-700">
            <p className="text-xs font-semibold uppercase tracking-wide text-stone-700 dark:text-stone-300">
              {q.audience === "group" ? t("questions.forGroup") : t("questions.forPerson", { name: q.person?.displayName ?? "" })}
            </p>
            <p className="font-medium">{q.text}</p>
            <p className="text-xs text-stone-700 dark:text-stone-300">{basisOf(q, view, t)}</p>
            <div className="flex flex-wrap gap-2">
              <Button variant="secondary" busy={busy} disabled={ended} aria-label={t("questions.postLabel", { text: q.text })} onClick={() => void post(q)}>
                {t("questions.post")}
              </Button>
              <Button variant="ghost" aria-label={t("questions.copyLabel", { text: q.text })} onClick={() => void copy(q)}>
                {t("questions.copy")}
              </Button>
            </div>
          </li>
        ))}
      </ul>
      {error ? (
        <p role="alert" className="text-sm text-red-800 dark:text-red-200">
          {error}
        </p>
      ) : null}
    </section>
  );
}

type T = ReturnType<typeof useTranslation>["t"];

function basisOf(q: CopilotQuestion, view: CopilotView, t: T): string {
  const parts: string[] = [];
  if (q.kind === "group") parts.push(t("questions.group", { phase: view.phase.name }));
  else if (q.kind === "journey") parts.push(t("questions.journey", { phase: view.phase.name }));
  else if (q.kind === "quiet") parts.push(t("questions.quiet"));
  else parts.push(t("questions.followUp"));
  if (q.card) parts.push(t("questions.aboutCard", { word: q.card.word }));
  if (q.phrase) parts.push(t("questions.reflects", { phrase: q.phrase }));
  return parts.join(" · ");
}

function People({ view }: { view: CopilotView }) {
  const { t } = useTranslation(NS);
  const headingId = useId();
  const reflectedId = useId();
  const nobody = view.notHeardFrom.length === 0 && view.notReflected.length === 0 && view.questions.every((q) => q.audience === "group") && !view.theme;
  return (
    <div className="space-y-3">
      {view.care.map((p) => (
        <p key={p.participantId} role="alert" className="rounded-lg border-s-4 border-amber-700 bg-amber-50 px-3 py-2 text-sm text-amber-950 dark:border-amber-300 dark:bg-amber-950 dark:text-amber-50">
          <span aria-hidden="true">⚠ </span>
          {t("people.care", { name: p.displayName })}
        </p>
      ))}
      <section aria-labelledby={headingId} className="space-y-1">
        <h3 id={headingId} className="font-semibold">
          {t("people.notHeard")}
        </h3>
        <NameList people={view.notHeardFrom} none={nobody ? t("people.nobody") : t("people.notHeardNone")} />
      </section>
      <section aria-labelledby={reflectedId} className="space-y-1">
        <h3 id={reflectedId} className="font-semibold">
          {t("people.notReflected")}
        </h3>
        <NameList people={view.notReflected} none={nobody ? t("people.nobody") : t("people.notReflectedNone")} />
      </section>
    </div>
  );
}

function NameList({ people, none }: { people: CopilotView["notHeardFrom"]; none: string }) {
  if (people.length === 0) return <p className="text-sm">{none}</p>;
  return (
    <ul className="flex flex-wrap gap-2">
      {people.map((p) => (
        <li key={p.participantId} className="rounded-full border border-stone-400 px-3 py-1 text-sm dark:border-stone-500">
          {p.displayName}
        </li>
      ))}
    </ul>
  );
}

function Cards({ view, suggestionsEnabled }: { view: CopilotView; suggestionsEnabled: boolean }) {
  const { t } = useTranslation(NS);
  const headingId = useId();
  let note: string | null = null;
  if (!view.theme) note = t("cards.noTheme");
  else if (!suggestionsEnabled) note = t("cards.off");
  else if (view.cardsNote && view.cards.length === 0) note = t("cards.unavailable");
  else if (view.cards.length === 0) note = t("cards.none");
  return (
    <section aria-labelledby={headingId} className="space-y-2">
      <h3 id={headingId} className="font-semibold">
        {t("cards.title")}
      </h3>
      {view.theme ? <p className="text-sm">{t("cards.theme", { phrase: view.theme.phrase })}</p> : null}
      {note ? <p className="text-sm text-stone-700 dark:text-stone-300">{note}</p> : null}
      {view.cards.length > 0 ? (
        <ul className="grid grid-cols-1 gap-2 sm:grid-cols-3 lg:grid-cols-1 xl:grid-cols-3">
          {view.cards.map((c) => (
            <SuggestedCard key={c.card.id} item={c} />
          ))}
        </ul>
      ) : null}
    </section>
  );
}

function SuggestedCard({ item }: { item: CopilotCard }) {
  const { t } = useTranslation(NS);
  const src = item.card.thumbnailUrl ?? item.card.imageUrl;
  return (
    <li className="flex items-center gap-3 rounded-lg border border-stone-300 p-2 dark:border-stone-700">
      {src ? <img src={src} alt={item.card.alt} className="h-14 w-14 flex-none rounded object-cover" loading="lazy" /> : null}
      <div className="min-w-0">
        <p className="font-medium break-words">{item.card.word}</p>
        <p className="text-xs text-stone-700 dark:text-stone-300">{t(`cards.reason.${item.reasonKind}`)}</p>
      </div>
    </li>
  );
}
