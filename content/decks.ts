import type { Card, Deck } from "../domain/content";
import { defaultCardId, stableId } from "./ids";
import { PHOTO_CARDS_A } from "./photo-cards-a";
import { PHOTO_CARDS_B } from "./photo-cards-b";
import { QUESTION_CARDS } from "./question-cards";
import type { PhotoCardSource } from "./types";
import { WORD_CARDS_A } from "./word-cards-a";
import { WORD_CARDS_B } from "./word-cards-b";

export const PHOTO_DECK_ID = stableId("deck/photo/quiet-horizons");
export const WORD_DECK_ID = stableId("deck/word/living-words");
export const QUESTION_DECK_ID = stableId("deck/question/open-questions");

/** A built default card: the public Card, plus the situations it was authored with. */
export type DefaultCard = Card & { situations?: readonly string[] };

export const PHOTO_CARD_SOURCES: readonly PhotoCardSource[] = [...PHOTO_CARDS_A, ...PHOTO_CARDS_B];

/** Where the server serves a default card's generated picture. */
export const defaultImageUrl = (cardId: string) => `/media/default/${cardId}.svg`;

const photoCards: Card[] = PHOTO_CARD_SOURCES.map((s) => {
  const id = defaultCardId("photo", s.word);
  const [pause, expand, focus, act] = s.prompts;
  return {
    id, deckId: PHOTO_DECK_ID, word: s.word, description: s.description, imageUrl: defaultImageUrl(id),
    alt: s.alt, prompts: { pause, expand, focus, do: act }, tags: [...s.tags], language: "en",
  };
});

const wordCards: Card[] = [...WORD_CARDS_A, ...WORD_CARDS_B].map((s) => {
  const [pause, expand, focus, act] = s.prompts;
  return {
    id: defaultCardId("word", s.word), deckId: WORD_DECK_ID, word: s.word, description: s.meaning,
    alt: `Word card: ${s.word}`, prompts: { pause, expand, focus, do: act }, tags: [...s.tags], language: "en",
  };
});

// A question card is itself the Focus prompt; the Do prompt turns the answer into a step.
const questionCards: Card[] = QUESTION_CARDS.map((s) => ({
  id: defaultCardId("question", s.title), deckId: QUESTION_DECK_ID, word: s.title, description: s.question,
  alt: `Question card: ${s.question}`,
  prompts: { focus: s.question, do: "What is one step your answer points to, and when will you take it?" },
  tags: [...s.tags], language: "en",
}));

export const DEFAULT_CARDS: readonly Card[] = [...photoCards, ...wordCards, ...questionCards];

// Situations stay off DEFAULT_CARDS so those keep exactly the public Card shape (seeded and served as is);
// findDefaultCard adds them back by id.
/** The authored situations of every default card, by card id. */
export const DEFAULT_CARD_SITUATIONS: ReadonlyMap<string, readonly string[]> = new Map<string, readonly string[]>([
  ...PHOTO_CARD_SOURCES.map((s) => [defaultCardId("photo", s.word), s.situations] as const),
  ...[...WORD_CARDS_A, ...WORD_CARDS_B].map((s) => [defaultCardId("word", s.word), s.situations] as const),
  ...QUESTION_CARDS.map((s) => [defaultCardId("question", s.title), s.situations] as const),
]);

export const DEFAULT_DECKS: readonly Deck[] = [
  {
    id: PHOTO_DECK_ID, name: "Quiet Horizons", kind: "photo", orgId: null, cardCount: photoCards.length,
    description: "Calm, original art prints of paths, doors, water, light and small held things. Draw one face down to be surprised, or spread them to choose.",
  },
  {
    id: WORD_DECK_ID, name: "Living Words", kind: "word", orgId: null, cardCount: wordCards.length,
    description: "Single words that open a theme, each with a question for every phase of the journey.",
  },
  {
    id: QUESTION_DECK_ID, name: "Open Questions", kind: "question", orgId: null, cardCount: questionCards.length,
    description: "Open questions that help narrow to what matters most and turn it into a step.",
  },
];
