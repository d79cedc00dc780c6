import { useState, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { LibraryCard } from "./api";

/**
 * A card's picture. Grids ask for the thumbnail and let the browser load it when it scrolls
 * near (loading="lazy"); a broken or missing image falls back to the card's word, so a card
 * never shows as an empty box.
 */
export function CardImage({ card, size }: { card: LibraryCard; size: "thumb" | "large" }) {
  const { t } = useTranslation();
  const [broken, setBroken] = useState(false);
  const src = size === "thumb" ? (card.thumbnailUrl ?? card.imageUrl) : card.imageUrl;
  const box = size === "thumb" ? "aspect-[3/4] w-full" : "aspect-[3/4] w-full max-w-md";
  if (!src || broken) {
    return (
      <div
        className={`${box} flex items-center justify-center rounded-lg bg-gradient-to-br from-brand-100 to-stone-200 p-3 text-center font-serif text-xl font-semibold text-brand-900 dark:from-brand-900 dark:to-stone-800 dark:text-brand-50`}
        role={size === "large" ? "img" : undefined}
        aria-label={size === "large" ? (broken ? t("library.card.imageMissing") : card.word) : undefined}
        aria-hidden={size === "thumb" ? true : undefined}
      >
        {card.word}
      </div>
    );
  }
  return (
    <img
      src={src}
      alt={card.alt || card.word}
      loading={size === "thumb" ? "lazy" : "eager"}
      decoding="async"
      width={300}
      height={400}
      onError={() => setBroken(true)}
      className={`${box} rounded-lg bg-stone-200 object-cover dark:bg-stone-800`}
    />
  );
}

export interface CardTileProps {
  card: LibraryCard;
  href: string;
  /** Extra line under the word, e.g. the deck's name or a phase prompt. */
  detail?: ReactNode;
  tabIndex: number;
  onFocus: () => void;
}

export function CardTile({ card, href, detail, tabIndex, onFocus }: CardTileProps) {
  return (
    <Link
      to={href}
      data-grid-item=""
      tabIndex={tabIndex}
      onFocus={onFocus}
      className="group block h-full space-y-2 rounded-xl border border-stone-300 bg-white p-2 hover:border-brand-700 focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-brand-700 dark:border-stone-700 dark:bg-stone-900 dark:hover:border-brand-300"
    >
      <CardImage card={card} size="thumb" />
      <span className="block px-1 text-base font-semibold group-hover:underline">{card.word}</span>
      {detail ? <span className="block px-1 pb-1 text-sm text-stone-700 dark:text-stone-300">{detail}</span> : null}
    </Link>
  );
}
