import { useId, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import type { SessionState, Visibility } from "../../../../domain/session/types";
import { LiveMessage } from "../../components/Alert";
import { Button } from "../../components/Button";
import { cardName, cardsIn } from "../sessions/live/cards";
import { useCommand, useDraft } from "../sessions/live/hooks";
import { useLive } from "../sessions/live/LiveProvider";

const CONTROL = "block w-full min-h-11 rounded-lg border border-stone-400 bg-white px-3 py-2 text-base text-stone-900 dark:border-stone-500 dark:bg-stone-900 dark:text-stone-100";

/**
 * Writing a reflection. The text is saved on this device as it is typed and only cleared
 * once the server has stored it, so a dropped connection or a reload never loses it.
 */
export function ReflectionForm({ state }: { state: SessionState }) {
  const { t } = useTranslation();
  const { me } = useLive();
  const id = useId();
  const [text, setText, clear] = useDraft(state.sessionId, "reflection");
  const [visibility, setVisibility] = useState<Visibility>("private");
  const [cardId, setCardId] = useState("");
  const [saved, setSaved] = useState("");
  const { run, error, busy } = useCommand();
  const myCards = me ? cardsIn(state, { kind: "hand", participantId: me }) : [];
  // A shared reflection names its card, so only a card already face up can go with it.
  const usable = myCards.filter((c) => visibility === "private" || c.faceUp);
  const chosen = usable.some((c) => c.cardId === cardId) ? cardId : "";
  const mine = state.reflections.filter((r) => r.participantId === me);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved("");
    if (!text.trim()) return;
    const result = await run("reflection.add", { text: text.trim(), visibility, ...(chosen ? { cardId: chosen } : {}) });
    if (result.ok) {
      clear();
      setSaved(visibility === "shared" ? t("join.reflect.sharedDone") : t("join.reflect.savedDone"));
    }
  };

  return (
    <section aria-labelledby={`${id}-h`} className="space-y-3">
      <h2 id={`${id}-h`} className="text-lg font-semibold">
        {t("join.reflect.title")}
      </h2>
      <form onSubmit={(e) => void submit(e)} className="space-y-3">
        <div className="space-y-1">
          <label htmlFor={`${id}-text`} className="block text-sm font-medium">
            {t("join.reflect.label")}
          </label>
          <textarea id={`${id}-text`} rows={4} maxLength={5000} className={CONTROL} value={text} onChange={(e) => setText(e.target.value)} aria-describedby={`${id}-hint`} />
          <p id={`${id}-hint`} className="text-sm text-stone-600 dark:text-stone-400">
            {t("join.reflect.hint")}
          </p>
        </div>
        <fieldset>
          <legend className="text-sm font-medium">{t("join.reflect.visibility")}</legend>
          <div className="flex flex-wrap gap-x-4">
            {(["private", "shared"] as const).map((v) => (
              <label key={v} className="flex min-h-11 items-center gap-2">
                <input type="radio" name={`${id}-visibility`} value={v} checked={visibility === v} onChange={() => setVisibility(v)} />
                {t(`live.visibility.${v}`)}
              </label>
            ))}
          </div>
        </fieldset>
        {usable.length > 0 ? (
          <div className="space-y-1">
            <label htmlFor={`${id}-card`} className="block text-sm font-medium">
              {t("join.reflect.card")}
            </label>
            <select id={`${id}-card`} className={CONTROL} value={chosen} onChange={(e) => setCardId(e.target.value)}>
              <option value="">{t("join.reflect.noCard")}</option>
              {usable.map((c, i) => (
                <option key={c.slot} value={c.cardId}>
                  {c.faceUp ? cardName(t, c) : t("join.cards.yourCard", { index: i + 1 })}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        <Button type="submit" busy={busy} disabled={!text.trim()}>
          {visibility === "shared" ? t("join.reflect.share") : t("join.reflect.save")}
        </Button>
        <LiveMessage tone="error">{error}</LiveMessage>
        <LiveMessage tone="success">{saved}</LiveMessage>
      </form>
      {mine.length > 0 ? (
        <div className="space-y-1">
          <h3 className="font-semibold">{t("join.reflect.mine")}</h3>
          <ul className="space-y-2">
            {mine.map((r) => (
              <li key={r.id} className="rounded-lg border border-stone-300 p-2 dark:border-stone-700">
                <p className="whitespace-pre-wrap">{r.text}</p>
                <p className="text-xs text-stone-600 dark:text-stone-400">{t(`live.visibility.${r.visibility}`)}</p>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}
