import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { CoachCard } from "./api";

/** A card's picture and word; a missing or broken picture falls back to the word alone. */
export function CardFace({ card, size = "md" }: { card: Pick<CoachCard, "word" | "alt" | "imageUrl" | "thumbnailUrl">; size?: "sm" | "md" }) {
  const [broken, setBroken] = useState(false);
  const src = card.thumbnailUrl ?? card.imageUrl;
  const width = size === "sm" ? "w-20" : "w-32";
  return (
    <figure className={`${width} space-y-1 text-center`}>
      {src && !broken ? (
        <img src={src} alt={card.alt || card.word} loading="lazy" width={300} height={400} onError={() => setBroken(true)} className="aspect-[3/4] w-full rounded-lg bg-stone-200 object-cover dark:bg-stone-800" />
      ) : (
        <div aria-hidden="true" className="flex aspect-[3/4] w-full items-center justify-center rounded-lg bg-gradient-to-br from-brand-100 to-stone-200 p-2 font-serif font-semibold text-brand-900 dark:from-brand-900 dark:to-stone-800 dark:text-brand-50">
          {card.word}
        </div>
      )}
      <figcaption className="text-sm font-semibold">{card.word}</figcaption>
    </figure>
  );
}

/** The back of a face-down card: a button that turns it over. */
export function CardBack({ index, onTurn }: { index: number; onTurn: () => void }) {
  const { t } = useTranslation("coach");
  return (
    <button
      type="button"
      onClick={onTurn}
      className="flex aspect-[3/4] w-32 flex-col items-center justify-center gap-2 rounded-lg border-2 border-brand-700 bg-brand-800 p-2 text-center text-sm font-semibold text-white hover:bg-brand-700 focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-brand-700 dark:border-brand-300"
    >
      <span aria-hidden="true" className="text-3xl">✦</span>
      {t("draw.turnOver", { n: index + 1 })}
    </button>
  );
}
