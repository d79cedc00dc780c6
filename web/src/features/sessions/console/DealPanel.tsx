import { useQuery } from "@tanstack/react-query";
import { Suspense, useEffect, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import type { CardState, SessionState } from "../../../../../domain/session/types";
import { useSignedIn } from "../../../app/session";
import { LiveMessage } from "../../../components/Alert";
import { Button } from "../../../components/Button";
import { ConfirmDialog } from "../../../components/ConfirmDialog";
import { SelectField, TextField } from "../../../components/Field";
import { LazyCardSuggestions } from "../../recs";
import { sessionKeys, sessionsApi } from "../api";
import { CardView, cardName, cardsIn, type CardLookup } from "../live/cards";
import { useCommand } from "../live/hooks";

function Choice<V extends string>({ legend, name, value, options, onChange }: { legend: string; name: string; value: V; options: { value: V; label: string }[]; onChange: (v: V) => void }) {
  return (
    <fieldset>
      <legend className="text-sm font-medium">{legend}</legend>
      <div className="flex flex-wrap gap-x-4">
        {options.map((o) => (
          <label key={o.value} className="flex min-h-11 items-center gap-2">
            <input type="radio" name={name} value={o.value} checked={value === o.value} onChange={() => onChange(o.value)} />
            {o.label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

function SpotlightableCard({ card, lookup, spotlit }: { card: CardState; lookup: CardLookup; spotlit: boolean }) {
  const { t } = useTranslation();
  const { run, busy } = useCommand();
  const info = lookup(card.cardId);
  const name = cardName(t, card, info);
  return (
    <li className="flex flex-col items-center gap-1">
      <CardView card={card} info={info} size="sm" />
      {/* The facilitator may know a face-down card; the word helps them follow the round. */}
      {!card.faceUp && info ? <span className="max-w-24 truncate text-xs text-stone-700 dark:text-stone-300">{info.word}</span> : null}
      {card.faceUp ? (
        <Button variant={spotlit ? "primary" : "ghost"} busy={busy} disabled={spotlit} onClick={() => void run("card.spotlight", { cardId: card.cardId })} aria-label={spotlit ? t("sessions.deal.inSpotlightOf", { name }) : t("sessions.deal.spotlightOf", { name })}>
          {spotlit ? t("sessions.deal.inSpotlight") : t("sessions.deal.spotlight")}
        </Button>
      ) : null}
    </li>
  );
}

/** Dealing, spreading, collecting and the spotlight, with what is on the table and in each hand. */
export function DealPanel({ state, lookup }: { state: SessionState; lookup: CardLookup }) {
  const { t } = useTranslation();
  const { activeOrg } = useSignedIn();
  const decks = useQuery({ queryKey: sessionKeys.decks(activeOrg?.org.id ?? "none"), queryFn: sessionsApi.decks });
  const { run, error, busy } = useCommand();
  const [deckId, setDeckId] = useState("");
  const [mode, setMode] = useState<"face-down" | "face-up">("face-down");
  const [to, setTo] = useState<"each" | "table">("each");
  const [count, setCount] = useState("1");
  const [confirmCollect, setConfirmCollect] = useState(false);
  const ended = state.status === "ended";

  useEffect(() => {
    if (!deckId && decks.data?.[0]) setDeckId(decks.data[0].id);
  }, [decks.data, deckId]);

  const deal = (event: FormEvent) => {
    event.preventDefault();
    void run("cards.deal", { deckId, mode, to, count: Math.max(1, Math.round(Number(count) || 1)) });
  };
  const collect = async () => {
    await run("cards.collect", {});
    setConfirmCollect(false);
  };
  const table = cardsIn(state, { kind: "table" });
  const holders = Object.values(state.participants).filter((p) => !p.removed && p.admitted && p.role === "participant");
  const spotSlot = state.spotlight?.slot;
  const inPlay = Object.values(state.cards).some((c) => c.location.kind !== "pile");

  return (
    <section aria-labelledby="deal-h" className="space-y-4 rounded-xl border border-stone-300 bg-white p-4 dark:border-stone-700 dark:bg-stone-900">
      <h2 id="deal-h" className="text-lg font-semibold">
        {t("sessions.deal.title")}
      </h2>
      <form onSubmit={deal} className="grid gap-3 sm:grid-cols-2">
        <SelectField
          label={t("sessions.deal.deck")}
          value={deckId}
          onChange={(e) => setDeckId(e.target.value)}
          options={decks.isPending ? [{ value: "", label: t("app.loading") }] : (decks.data ?? []).map((d) => ({ value: d.id, label: t("sessions.deal.deckOption", { name: d.name, count: d.cardCount }) }))}
          error={decks.error ? t("sessions.deal.decksFailed") : undefined}
        />
        <TextField label={t("sessions.deal.count")} type="number" min={1} max={30} value={count} onChange={(e) => setCount(e.target.value)} />
        <Choice legend={t("sessions.deal.mode")} name="deal-mode" value={mode} onChange={setMode} options={[{ value: "face-down", label: t("sessions.deal.faceDown") }, { value: "face-up", label: t("sessions.deal.faceUp") }]} />
        <Choice legend={t("sessions.deal.to")} name="deal-to" value={to} onChange={setTo} options={[{ value: "each", label: t("sessions.deal.toEach") }, { value: "table", label: t("sessions.deal.toTable") }]} />
        <div className="flex flex-wrap gap-2 sm:col-span-2">
          <Button type="submit" busy={busy} disabled={ended || !deckId}>
            {t("sessions.deal.deal")}
          </Button>
          <Button variant="secondary" busy={busy} disabled={ended || !inPlay} onClick={() => setConfirmCollect(true)}>
            {t("sessions.deal.collect")}
          </Button>
          <Button variant="ghost" busy={busy} disabled={ended || !state.spotlight} onClick={() => void run("spotlight.clear", {})}>
            {t("sessions.deal.clearSpotlight")}
          </Button>
        </div>
      </form>
      <LiveMessage tone="error">{error}</LiveMessage>
      <Suspense fallback={null}>
        <LazyCardSuggestions state={state} />
      </Suspense>
      <div className="space-y-2">
        <h3 className="font-semibold">{t("sessions.deal.table", { count: table.length })}</h3>
        {table.length === 0 ? <p className="text-sm text-stone-700 dark:text-stone-300">{t("sessions.deal.tableEmpty")}</p> : null}
        <ul className="flex flex-wrap gap-3">
          {table.map((c) => (
            <SpotlightableCard key={c.slot} card={c} lookup={lookup} spotlit={c.slot === spotSlot} />
          ))}
        </ul>
      </div>
      {holders.map((p) => {
        const hand = cardsIn(state, { kind: "hand", participantId: p.id });
        if (hand.length === 0) return null;
        return (
          <div key={p.id} className="space-y-2">
            <h3 className="font-semibold">{t("sessions.deal.handOf", { name: p.displayName })}</h3>
            <ul className="flex flex-wrap gap-3">
              {hand.map((c) => (
                <SpotlightableCard key={c.slot} card={c} lookup={lookup} spotlit={c.slot === spotSlot} />
              ))}
            </ul>
          </div>
        );
      })}
      <ConfirmDialog open={confirmCollect} title={t("sessions.deal.collectTitle")} confirmLabel={t("sessions.deal.collectConfirm")} busy={busy} onConfirm={() => void collect()} onCancel={() => setConfirmCollect(false)}>
        <p>{t("sessions.deal.collectBody")}</p>
      </ConfirmDialog>
    </section>
  );
}
