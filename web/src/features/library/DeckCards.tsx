import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState, type DragEvent } from "react";
import { useTranslation } from "react-i18next";
import { LiveMessage } from "../../components/Alert";
import { Button } from "../../components/Button";
import { errorMessage } from "../../lib/errors";
import { libraryApi, libraryKeys, type LibraryCard } from "./api";
import { CardGrid } from "./CardGrid";
import { useInvalidateLibrary, useLibraryAccess } from "./hooks";

/** Returns a copy of `list` with the item at `from` placed at `to`. */
export function moveItem<T>(list: readonly T[], from: number, to: number): T[] {
  const next = [...list];
  const [item] = next.splice(from, 1);
  next.splice(to, 0, item);
  return next;
}

/**
 * The deck's cards in order. Editors can reorder by dragging a card, or with the
 * "earlier / later" buttons under each card (the keyboard and touch way); each move is
 * announced and saved at once.
 */
export function DeckCards({ deckId, cards, editable }: { deckId: string; cards: readonly LibraryCard[]; editable: boolean }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { orgId } = useLibraryAccess();
  const invalidate = useInvalidateLibrary();
  const [announcement, setAnnouncement] = useState("");
  const [dragFrom, setDragFrom] = useState<number | null>(null);
  const [dropAt, setDropAt] = useState<number | null>(null);
  const key = libraryKeys.cards(orgId, deckId, false);
  const rootRef = useRef<HTMLDivElement>(null);
  // Moving a list item in the DOM can drop focus; put it back on the moved card's button.
  const [refocus, setRefocus] = useState<{ cardId: string; direction: "earlier" | "later"; index: number } | null>(null);
  useEffect(() => {
    // Waits for the list to show the card at its new place (the cache updates a tick later).
    if (!refocus || cards[refocus.index]?.id !== refocus.cardId) return;
    const find = (direction: string) => rootRef.current?.querySelector<HTMLButtonElement>(`[data-move="${refocus.cardId}:${direction}"]:not(:disabled)`);
    (find(refocus.direction) ?? find(refocus.direction === "earlier" ? "later" : "earlier"))?.focus();
    setRefocus(null);
  }, [refocus, cards]);

  const reorder = useMutation({
    mutationFn: (order: LibraryCard[]) => libraryApi.reorder(deckId, order.map((c) => c.id)),
    onMutate: (order) => {
      const previous = queryClient.getQueryData<LibraryCard[]>(key);
      queryClient.setQueryData(key, order);
      return { previous };
    },
    // The move is undone on screen when the server refuses it, so nothing looks saved that is not.
    onError: (_error, _order, context) => queryClient.setQueryData(key, context?.previous),
    onSettled: () => invalidate(),
  });

  const move = (from: number, to: number) => {
    if (to < 0 || to >= cards.length || from === to) return;
    const order = moveItem(cards, from, to);
    reorder.mutate(order);
    setAnnouncement(t("library.reorder.moved", { word: cards[from].word, position: to + 1, total: cards.length }));
  };

  const dragProps = (_card: LibraryCard, index: number) =>
    editable
      ? {
          draggable: true,
          onDragStart: (e: DragEvent<HTMLLIElement>) => {
            e.dataTransfer.effectAllowed = "move";
            e.dataTransfer.setData("text/plain", String(index));
            setDragFrom(index);
          },
          onDragOver: (e: DragEvent<HTMLLIElement>) => {
            if (dragFrom === null) return;
            e.preventDefault();
            setDropAt(index);
          },
          onDrop: (e: DragEvent<HTMLLIElement>) => {
            e.preventDefault();
            if (dragFrom !== null) move(dragFrom, index);
            setDragFrom(null);
            setDropAt(null);
          },
          onDragEnd: () => {
            setDragFrom(null);
            setDropAt(null);
          },
          className: `flex flex-col gap-1 rounded-xl ${dropAt === index && dragFrom !== index ? "outline-2 outline-dashed outline-brand-700" : ""} ${dragFrom === index ? "opacity-50" : ""}`,
        }
      : {};

  return (
    <div ref={rootRef} className="space-y-3">
      {editable && cards.length > 1 ? <p className="text-sm text-stone-700 dark:text-stone-300">{t("library.reorder.hint")}</p> : null}
      <LiveMessage tone="error">{reorder.error ? errorMessage(t, reorder.error) : null}</LiveMessage>
      <div role="status" aria-live="polite" className="sr-only">
        {announcement}
      </div>
      {cards.length === 0 ? (
        <p>{t("library.deck.empty")}</p>
      ) : (
        <CardGrid
          cards={cards}
          label={t("library.deck.cardsLabel")}
          itemPropsOf={dragProps}
          controlsOf={
            editable && cards.length > 1
              ? (card, index) => (
                  <div className="flex gap-1">
                    <Button
                      variant="ghost"
                      className="flex-1 px-2"
                      disabled={index === 0}
                      data-move={`${card.id}:earlier`}
                      aria-label={t("library.reorder.earlier", { word: card.word })}
                      onClick={() => {
                        move(index, index - 1);
                        setRefocus({ cardId: card.id, direction: "earlier", index: index - 1 });
                      }}
                    >
                      <span aria-hidden="true" className="rtl:rotate-180">←</span>
                    </Button>
                    <Button
                      variant="ghost"
                      className="flex-1 px-2"
                      disabled={index === cards.length - 1}
                      data-move={`${card.id}:later`}
                      aria-label={t("library.reorder.later", { word: card.word })}
                      onClick={() => {
                        move(index, index + 1);
                        setRefocus({ cardId: card.id, direction: "later", index: index + 1 });
                      }}
                    >
                      <span aria-hidden="true" className="rtl:rotate-180">→</span>
                    </Button>
                  </div>
                )
              : undefined
          }
        />
      )}
    </div>
  );
}
