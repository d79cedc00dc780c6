import { describe, expect, it } from "vitest";
import { z } from "zod";
import { Card, Deck, Journey, PHASE_ORDER, PROMPT_PLACEHOLDERS, PromptBankEntry } from "../domain/content";
import {
  DEFAULT_CARD_SITUATIONS, DEFAULT_CARDS, DEFAULT_DECKS, DEFAULT_JOURNEYS, PHOTO_DECK_ID, PROMPT_BANK, QUESTION_DECK_ID,
  WORD_DECK_ID,
  defaultCards, defaultJourneys, findDefaultCard, findDefaultJourney, promptsFor,
} from "./index";

const cardsOf = (deckId: string) => DEFAULT_CARDS.filter((c) => c.deckId === deckId);

describe("default decks and cards", () => {
  it("parse with the content schemas", () => {
    for (const deck of DEFAULT_DECKS) expect(Deck.parse(deck)).toEqual(deck);
    for (const card of DEFAULT_CARDS) expect(Card.parse(card)).toEqual(card);
  });

  it("include a photo, a word and a question deck owned by the studio, with true card counts", () => {
    expect(DEFAULT_DECKS.map((d) => d.kind).sort()).toEqual(["photo", "question", "word"]);
    for (const deck of DEFAULT_DECKS) {
      expect(deck.orgId).toBeNull();
      expect(deck.cardCount).toBe(cardsOf(deck.id).length);
    }
  });

  it("meet the minimum counts", () => {
    expect(cardsOf(PHOTO_DECK_ID).length).toBeGreaterThanOrEqual(64);
    expect(cardsOf(WORD_DECK_ID).length).toBeGreaterThanOrEqual(64);
    expect(cardsOf(QUESTION_DECK_ID).length).toBeGreaterThanOrEqual(24);
  });

  it("have unique, valid UUID ids across decks, cards, journeys, steps and prompts", () => {
    const ids = [
      ...DEFAULT_DECKS.map((d) => d.id),
      ...DEFAULT_CARDS.map((c) => c.id),
      ...DEFAULT_JOURNEYS.flatMap((j) => [j.id, ...j.phases.flatMap((p) => p.steps.map((s) => s.id))]),
      ...PROMPT_BANK.map((p) => p.id),
    ];
    for (const id of ids) expect(z.uuid().safeParse(id).success, id).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("have unique words within each deck", () => {
    for (const deck of DEFAULT_DECKS) {
      const words = cardsOf(deck.id).map((c) => c.word.toLowerCase());
      expect(new Set(words).size).toBe(words.length);
    }
  });

  it("give photo cards an image, a description, alt text, tags and every phase's prompt", () => {
    for (const card of cardsOf(PHOTO_DECK_ID)) {
      expect(card.imageUrl).toBe(`/media/default/${card.id}.svg`);
      expect(card.description?.length).toBeGreaterThan(20);
      expect(card.alt.length).toBeGreaterThan(10);
      expect(card.tags.length).toBeGreaterThan(0);
      for (const phase of PHASE_ORDER) expect(card.prompts[phase], `${card.word} ${phase}`).toMatch(/\?|\.$/);
    }
  });

  it("give every word card a meaning, tags and all four prompts as questions or invitations", () => {
    for (const card of cardsOf(WORD_DECK_ID)) {
      expect(card.imageUrl).toBeUndefined();
      expect(card.description).toBeTruthy();
      expect(card.tags.length).toBeGreaterThan(0);
      for (const phase of PHASE_ORDER) expect(card.prompts[phase], `${card.word} ${phase}`).toBeTruthy();
      // The coaching stance asks what and how; "why" invites defence, so the defaults avoid it.
      for (const text of Object.values(card.prompts)) expect(text).not.toMatch(/^why\b/i);
    }
  });

  it("make each question card's description a full open question", () => {
    for (const card of cardsOf(QUESTION_DECK_ID)) {
      expect(card.description).toMatch(/\?$/);
      expect(card.prompts.focus).toBe(card.description);
    }
  });

  it("give every card 3 to 5 short, lowercase situations, none repeated across cards", () => {
    const seen = new Map<string, string>();
    for (const card of DEFAULT_CARDS) {
      const situations = DEFAULT_CARD_SITUATIONS.get(card.id);
      expect(situations, card.word).toBeDefined();
      expect(situations!.length, card.word).toBeGreaterThanOrEqual(3);
      expect(situations!.length, card.word).toBeLessThanOrEqual(5);
      for (const phrase of situations!) {
        const words = phrase.trim().split(/\s+/);
        expect(words.length, `${card.word}: ${phrase}`).toBeGreaterThanOrEqual(2);
        expect(words.length, `${card.word}: ${phrase}`).toBeLessThanOrEqual(6);
        expect(phrase, card.word).toBe(phrase.toLowerCase());
        expect(seen.get(phrase), `"${phrase}" on ${card.word}`).toBeUndefined();
        seen.set(phrase, card.word);
      }
    }
    expect(DEFAULT_CARD_SITUATIONS.size).toBe(DEFAULT_CARDS.length);
  });

  it("keep prompts free of advice phrasing", () => {
    const advice = /\byou (should|must|ought to|have to)\b/i;
    for (const card of DEFAULT_CARDS) for (const text of Object.values(card.prompts)) expect(text).not.toMatch(advice);
  });
});

describe("helpers", () => {
  it("find a card by id and return copies the caller may change", () => {
    const [first] = DEFAULT_CARDS;
    const found = findDefaultCard(first.id);
    expect(found).toEqual({ ...first, situations: [...DEFAULT_CARD_SITUATIONS.get(first.id)!] });
    expect(found!.situations!.length).toBeGreaterThanOrEqual(3);
    found!.tags.push("changed");
    expect(findDefaultCard(first.id)!.tags).not.toContain("changed");
    expect(findDefaultCard("00000000-0000-5000-8000-000000000000")).toBeUndefined();
  });

  it("list cards of one deck or all", () => {
    expect(defaultCards().length).toBe(DEFAULT_CARDS.length);
    expect(defaultCards(WORD_DECK_ID).every((c) => c.deckId === WORD_DECK_ID)).toBe(true);
  });

  it("return journeys as copies", () => {
    const journeys = defaultJourneys();
    journeys[0].name = "changed";
    expect(DEFAULT_JOURNEYS[0].name).not.toBe("changed");
    expect(findDefaultJourney(DEFAULT_JOURNEYS[1].id)?.id).toBe(DEFAULT_JOURNEYS[1].id);
  });
});

describe("default journeys", () => {
  const deckIds = new Set(DEFAULT_DECKS.map((d) => d.id));

  it("parse and cover the agreed audiences", () => {
    expect(DEFAULT_JOURNEYS.length).toBeGreaterThanOrEqual(6);
    for (const j of DEFAULT_JOURNEYS) expect(Journey.parse(j)).toEqual(j);
    const audiences = new Set(DEFAULT_JOURNEYS.map((j) => j.audience));
    for (const a of ["one-to-one", "solo", "group"]) expect(audiences.has(a as never)).toBe(true);
  });

  it("follow Pause, Expand, Focus, Do with concrete steps", () => {
    for (const j of DEFAULT_JOURNEYS) {
      expect(j.phases.map((p) => p.key)).toEqual(PHASE_ORDER);
      for (const step of j.phases.flatMap((p) => p.steps)) {
        expect(step.durationSeconds).toBeGreaterThan(0);
        expect(step.instructions.facilitator.length).toBeGreaterThan(10);
        expect(step.instructions.participant.length).toBeGreaterThan(10);
        expect(step.prompts.length).toBeGreaterThan(0);
      }
    }
  });

  it("draw only from existing default decks, with a mode and a count", () => {
    for (const step of DEFAULT_JOURNEYS.flatMap((j) => j.phases.flatMap((p) => p.steps))) {
      if (!step.deckId) continue;
      expect(deckIds.has(step.deckId)).toBe(true);
      expect(step.drawMode).toBeDefined();
      expect(step.cardCount).toBeGreaterThan(0);
    }
  });

  it("use photo cards to expand and end every journey with a step that asks for a time frame", () => {
    for (const j of DEFAULT_JOURNEYS) {
      const expand = j.phases.find((p) => p.key === "expand")!;
      expect(expand.steps.some((s) => s.deckId === PHOTO_DECK_ID)).toBe(true);
      const doText = j.phases.find((p) => p.key === "do")!.steps.flatMap((s) => [...s.prompts, s.instructions.facilitator]).join(" ");
      expect(doText).toMatch(/when|within|by /i);
    }
  });
});

describe("coach prompt bank", () => {
  it("parses, including the placeholder rule", () => {
    for (const p of PROMPT_BANK) expect(PromptBankEntry.parse(p)).toEqual(p);
  });

  it("has at least 150 English prompts and 30 each in Hebrew and Spanish, across all phases", () => {
    const count = (lang: string) => PROMPT_BANK.filter((p) => p.language === lang).length;
    expect(count("en")).toBeGreaterThanOrEqual(150);
    expect(count("he")).toBeGreaterThanOrEqual(30);
    expect(count("es")).toBeGreaterThanOrEqual(30);
    for (const lang of ["en", "he", "es"] as const) {
      for (const phase of PHASE_ORDER) expect(promptsFor(phase, lang).length, `${lang} ${phase}`).toBeGreaterThanOrEqual(6);
    }
  });

  it("covers the intents the coach relies on in each phase", () => {
    const needs: Record<string, string[]> = {
      pause: ["arrive", "notice-body"],
      expand: ["image", "projection", "surprise", "choice", "swap", "perspective", "metaphor"],
      focus: ["insight", "value", "handback"],
      do: ["action", "timeframe", "scaling", "obstacle", "support", "close"],
    };
    for (const [phase, intents] of Object.entries(needs)) {
      for (const intent of intents) {
        expect(PROMPT_BANK.some((p) => p.language === "en" && p.phase === phase && p.intent === intent), `${phase}/${intent}`).toBe(true);
      }
    }
    for (const intent of ["stuck", "reflect", "handback"]) {
      for (const phase of PHASE_ORDER) expect(promptsFor(phase, "en", intent as never).length, `${phase}/${intent}`).toBeGreaterThan(0);
    }
  });

  it("uses only the documented placeholders, and has no duplicate texts", () => {
    const allowed = new Set<string>(PROMPT_PLACEHOLDERS);
    for (const p of PROMPT_BANK) for (const m of p.text.matchAll(/\{([^}]*)\}/g)) expect(allowed.has(m[1]), p.text).toBe(true);
    const keys = PROMPT_BANK.map((p) => `${p.language}:${p.text}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("asks open questions: English prompts rarely start with why and never with should", () => {
    const en = PROMPT_BANK.filter((p) => p.language === "en");
    expect(en.filter((p) => /^why\b/i.test(p.text))).toEqual([]);
    expect(en.filter((p) => /\byou should\b/i.test(p.text))).toEqual([]);
  });
});
