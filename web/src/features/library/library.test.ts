import { describe, expect, it } from "vitest";
import type { LibraryCard, LibraryJourney } from "./api";
import { draftOf, inputOf } from "./CardForm";
import { moveItem } from "./DeckCards";
import { blankJourney, cleanJourney, inputFromJourney, moveIn, totalMinutes } from "./journeyDraft";
import { wordFromFileName } from "./UploadPanel";

const card: LibraryCard = {
  id: "0b6a4f9e-1c2d-4e5f-8a9b-0c1d2e3f4a5b",
  deckId: "1c7b5a0f-2d3e-4f60-9bac-1d2e3f4a5b6c",
  word: "Open Door",
  alt: "An open door",
  prompts: { pause: "Breathe.", do: "One step?" },
  tags: ["change", "threshold"],
  language: "en",
  position: 0,
  archived: false,
  readOnly: true,
};

describe("card drafts", () => {
  it("round-trips a card and leaves empty prompts out", () => {
    const draft = draftOf(card);
    expect(draft.tags).toBe("change, threshold");
    expect(draft.prompts.expand).toBe("");
    expect(inputOf(draft)).toEqual({ word: "Open Door", description: "", alt: "An open door", tags: ["change", "threshold"], prompts: { pause: "Breathe.", do: "One step?" } });
  });

  it("trims, de-duplicates and drops empty tags", () => {
    expect(inputOf({ ...draftOf(), word: "  Key ", tags: "a, b,, a ,  " }).tags).toEqual(["a", "b"]);
  });
});

describe("uploads", () => {
  it("turns a file name into a starting word", () => {
    expect(wordFromFileName("sunrise_over-hills.png")).toBe("Sunrise over hills");
    expect(wordFromFileName(".png")).toBe("Card");
    expect(wordFromFileName(`${"x".repeat(100)}.jpg`)).toHaveLength(80);
  });
});

describe("reordering", () => {
  it("moves an item and keeps the rest in order", () => {
    expect(moveItem(["a", "b", "c", "d"], 0, 2)).toEqual(["b", "c", "a", "d"]);
    expect(moveItem(["a", "b", "c"], 2, 0)).toEqual(["c", "a", "b"]);
  });

  it("ignores moves past either end", () => {
    expect(moveIn(["a", "b"], 0, -1)).toEqual(["a", "b"]);
    expect(moveIn(["a", "b"], 1, 2)).toEqual(["a", "b"]);
  });
});

describe("journey drafts", () => {
  const names = { pause: "Pause", expand: "Expand", focus: "Focus", do: "Do" };

  it("starts a new journey with the four phases of the method", () => {
    const draft = blankJourney(names);
    expect(draft.phases.map((p) => p.key)).toEqual(["pause", "expand", "focus", "do"]);
    expect(totalMinutes(draft)).toBe(20);
  });

  it("cleans input: trims text, drops empty prompts, fills card settings only when a deck is chosen", () => {
    const draft = blankJourney(names);
    draft.name = "  Mine ";
    draft.phases[0].steps[0] = { title: " Arrive ", instructions: { facilitator: " f ", participant: " p " }, durationSeconds: 60, prompts: ["  one ", "", "  "], drawMode: "face-down" };
    draft.phases[1].steps[0] = { ...draft.phases[1].steps[0], deckId: card.deckId };
    const clean = cleanJourney(draft);
    expect(clean.name).toBe("Mine");
    expect(clean.phases[0].steps[0]).toEqual({ title: "Arrive", instructions: { facilitator: "f", participant: "p" }, durationSeconds: 60, prompts: ["one"] });
    expect(clean.phases[1].steps[0]).toMatchObject({ deckId: card.deckId, drawMode: "face-up", cardCount: 1 });
  });

  it("keeps step ids of a stored journey so the server updates them in place", () => {
    const stored: LibraryJourney = {
      id: "2d8c6b10-3e4f-4a71-8cbd-2e3f4a5b6c7d",
      name: "J",
      description: "",
      audience: "group",
      orgId: null,
      archived: false,
      readOnly: false,
      copiedFrom: null,
      phases: [{ key: "pause", name: "Pause", purpose: "Arrive", steps: [{ id: "3e9d7c21-4f50-4b82-9dce-3f4a5b6c7d8e", title: "t", instructions: { facilitator: "f", participant: "p" }, durationSeconds: 120, prompts: ["q"] }] }],
    };
    const input = inputFromJourney(stored);
    expect(cleanJourney(input).phases[0].steps[0].id).toBe("3e9d7c21-4f50-4b82-9dce-3f4a5b6c7d8e");
    input.phases[0].steps[0].prompts.push("changed");
    expect(stored.phases[0].steps[0].prompts).toEqual(["q"]);
  });
});
