import { describe, expect, it } from "vitest";
import {
  Card, CreateCardInput, CreateDeckInput, Deck, JourneyInput, PromptBankEntry, fillPrompt,
} from "./content";

const uuid = "6f1c2e4a-1b2c-5d3e-8f4a-0123456789ab";

describe("content schemas", () => {
  it("defaults a card's language to English and keeps the contract shape", () => {
    const card = Card.parse({ id: uuid, deckId: uuid, word: "Trust", alt: "", prompts: {}, tags: [] });
    expect(card.language).toBe("en");
    expect(Object.keys(card).sort()).toEqual(["alt", "deckId", "id", "language", "prompts", "tags", "word"]);
  });

  it("trims and bounds deck input", () => {
    expect(CreateDeckInput.parse({ name: "  Team deck ", kind: "word" }).name).toBe("Team deck");
    expect(CreateDeckInput.safeParse({ name: "   ", kind: "word" }).success).toBe(false);
    expect(CreateDeckInput.safeParse({ name: "x".repeat(121), kind: "word" }).success).toBe(false);
    expect(CreateDeckInput.safeParse({ name: "Deck", kind: "video" }).success).toBe(false);
  });

  it("bounds card input: word length, tag count and tag length", () => {
    expect(CreateCardInput.safeParse({ word: "" }).success).toBe(false);
    expect(CreateCardInput.safeParse({ word: "x".repeat(81) }).success).toBe(false);
    expect(CreateCardInput.safeParse({ word: "Ok", tags: Array(21).fill("t") }).success).toBe(false);
    expect(CreateCardInput.safeParse({ word: "Ok", tags: ["t".repeat(41)] }).success).toBe(false);
    expect(CreateCardInput.parse({ word: " Roots ", tags: [" home "] })).toEqual({ word: "Roots", tags: ["home"] });
  });

  it("accepts only http(s) or root-relative image URLs", () => {
    const base = { id: uuid, deckId: uuid, word: "W", alt: "", prompts: {}, tags: [] };
    expect(Card.safeParse({ ...base, imageUrl: "/media/default/x.svg" }).success).toBe(true);
    expect(Card.safeParse({ ...base, imageUrl: "https://cdn.example/x.jpg" }).success).toBe(true);
    expect(Card.safeParse({ ...base, imageUrl: "javascript:alert(1)" }).success).toBe(false);
    expect(Card.safeParse({ ...base, imageUrl: "//evil.example/x.jpg" }).success).toBe(false);
  });

  it("accepts a null org for the studio's decks and rejects a malformed id", () => {
    expect(Deck.parse({ id: uuid, name: "D", kind: "photo", cardCount: 0, orgId: null }).orgId).toBeNull();
    expect(Deck.safeParse({ id: "nope", name: "D", kind: "photo", cardCount: 0, orgId: null }).success).toBe(false);
  });

  it("requires at least one phase and one step in a journey", () => {
    const step = { title: "S", instructions: { facilitator: "f", participant: "p" }, durationSeconds: 60, prompts: [] };
    expect(JourneyInput.safeParse({ name: "J", phases: [] }).success).toBe(false);
    expect(JourneyInput.safeParse({ name: "J", phases: [{ name: "P", purpose: "x", steps: [] }] }).success).toBe(false);
    const ok = JourneyInput.parse({ name: "J", phases: [{ key: "pause", name: "P", purpose: "x", steps: [step] }] });
    expect(ok.audience).toBe("any");
    expect(JourneyInput.safeParse({ name: "J", phases: [{ name: "Custom", purpose: "x", steps: [{ ...step, durationSeconds: -1 }] }] }).success).toBe(false);
  });

  it("allows only the documented placeholders in prompt texts", () => {
    const base = { id: uuid, phase: "expand", language: "en", intent: "image", themes: [] };
    expect(PromptBankEntry.safeParse({ ...base, text: "What does {word} say about '{phrase}'?" }).success).toBe(true);
    expect(PromptBankEntry.safeParse({ ...base, text: "Hello {name}" }).success).toBe(false);
  });

  it("fills placeholders and leaves missing ones visible", () => {
    expect(fillPrompt("What does {word} mean for '{phrase}'?", { word: "Trust", phrase: "starting over" })).toBe(
      "What does Trust mean for 'starting over'?",
    );
    expect(fillPrompt("{word} and {phrase}", { word: "Roots" })).toBe("Roots and {phrase}");
  });
});
