import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import type { LibraryCard } from "./api";
import { CardTile } from "./CardTile";

export interface CardGridProps {
  cards: readonly LibraryCard[];
  label: string;
  /** Extra line per card under its word. */
  detailOf?: (card: LibraryCard) => ReactNode;
  /** Controls shown under a tile (e.g. reordering), outside the card's link. */
  controlsOf?: (card: LibraryCard, index: number) => ReactNode;
  /** Props for the tile's list item, e.g. drag-and-drop handlers. */
  itemPropsOf?: (card: LibraryCard, index: number) => React.LiHTMLAttributes<HTMLLIElement>;
}

/** How many tiles share the first row, read from the layout so it follows the responsive columns. */
function columnsOf(items: HTMLElement[]): number {
  if (items.length === 0) return 1;
  const top = items[0].getBoundingClientRect().top;
  const firstRow = items.filter((el) => Math.abs(el.getBoundingClientRect().top - top) < 4).length;
  return Math.max(1, firstRow);
}

/**
 * A responsive grid of cards with one tab stop: arrow keys move between cards (by row and
 * column, mirrored in right-to-left), Home and End jump to the ends, Enter opens the card.
 */
export function CardGrid({ cards, label, detailOf, controlsOf, itemPropsOf }: CardGridProps) {
  const { t } = useTranslation();
  const hintId = useId();
  const listRef = useRef<HTMLUListElement>(null);
  const [active, setActive] = useState(0);
  const current = Math.min(active, Math.max(0, cards.length - 1));

  // A new result list starts at its first card so Tab lands somewhere that exists.
  const ids = cards.map((c) => c.id).join(",");
  useEffect(() => setActive(0), [ids]);

  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    const list = listRef.current;
    if (!list) return;
    const items = [...list.querySelectorAll<HTMLElement>("[data-grid-item]")];
    const from = items.indexOf(document.activeElement as HTMLElement);
    if (from < 0) return;
    const rtl = getComputedStyle(list).direction === "rtl";
    const columns = columnsOf(items);
    const moves: Record<string, number> = {
      ArrowRight: rtl ? -1 : 1,
      ArrowLeft: rtl ? 1 : -1,
      ArrowDown: columns,
      ArrowUp: -columns,
      Home: -from,
      End: items.length - 1 - from,
    };
    const step = moves[event.key];
    if (step === undefined) return;
    event.preventDefault();
    const to = Math.min(items.length - 1, Math.max(0, from + step));
    setActive(to);
    items[to].focus();
  };

  return (
    <>
      <p id={hintId} className="sr-only">
        {t("library.grid.hint")}
      </p>
      <ul
        ref={listRef}
        aria-label={label}
        aria-describedby={hintId}
        onKeyDown={onKeyDown}
        className="grid grid-cols-2 gap-3 sm:grid-cols-3 md:grid-cols-4 lg:grid-cols-5"
      >
        {cards.map((card, index) => (
          <li key={card.id} className="flex flex-col gap-1" {...itemPropsOf?.(card, index)}>
            <CardTile
              card={card}
              href={`/library/cards/${card.id}`}
              detail={detailOf?.(card)}
              tabIndex={index === current ? 0 : -1}
              onFocus={() => setActive(index)}
            />
            {controlsOf?.(card, index)}
          </li>
        ))}
      </ul>
    </>
  );
}
