import { act } from "react";
import { createRoot, type Root } from "react-dom/client";
import { MemoryRouter } from "react-router";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { setupI18n } from "../../i18n";
import type { LibraryCard } from "./api";
import { CardGrid } from "./CardGrid";

declare global {
  // React reads this flag to know `act` is in use.
  var IS_REACT_ACT_ENVIRONMENT: boolean;
}

const cardNamed = (word: string, i: number, image = true): LibraryCard => ({
  id: `00000000-0000-4000-8000-00000000000${i}`,
  deckId: "00000000-0000-4000-8000-0000000000aa",
  word,
  alt: `Picture of ${word}`,
  ...(image ? { imageUrl: `/media/${i}.svg`, thumbnailUrl: `/media/${i}-thumb.svg` } : {}),
  prompts: {},
  tags: [],
  language: "en",
  position: i,
  archived: false,
  readOnly: true,
});

let root: Root | undefined;
let container: HTMLDivElement | undefined;

beforeAll(async () => {
  globalThis.IS_REACT_ACT_ENVIRONMENT = true;
  await setupI18n("en");
});
afterEach(() => {
  act(() => root?.unmount());
  container?.remove();
});

function render(cards: LibraryCard[]): HTMLDivElement {
  container = document.createElement("div");
  document.body.append(container);
  root = createRoot(container);
  act(() =>
    root?.render(
      <MemoryRouter>
        <CardGrid cards={cards} label="Cards" />
      </MemoryRouter>,
    ),
  );
  return container;
}

const press = (key: string) => act(() => void document.activeElement?.dispatchEvent(new KeyboardEvent("keydown", { key, bubbles: true })));

describe("card grid", () => {
  it("shows lazy thumbnails with alt text, and the word when there is no picture", () => {
    const view = render([cardNamed("Door", 1), cardNamed("Trust", 2, false)]);
    const img = view.querySelector("img");
    expect(img?.getAttribute("alt")).toBe("Picture of Door");
    expect(img?.getAttribute("loading")).toBe("lazy");
    expect(img?.getAttribute("src")).toBe("/media/1-thumb.svg");
    expect(view.querySelectorAll("a")[1].textContent).toContain("Trust");
    expect(view.querySelector("ul")?.getAttribute("aria-label")).toBe("Cards");
  });

  it("has one tab stop and moves focus with arrow keys, Home and End", () => {
    const view = render(["A", "B", "C"].map((w, i) => cardNamed(w, i)));
    const links = [...view.querySelectorAll("a")];
    expect(links.map((a) => a.tabIndex)).toEqual([0, -1, -1]);
    act(() => links[0].focus());
    press("ArrowRight");
    expect(document.activeElement).toBe(links[1]);
    press("End");
    expect(document.activeElement).toBe(links[2]);
    press("ArrowRight");
    expect(document.activeElement).toBe(links[2]);
    press("Home");
    expect(document.activeElement).toBe(links[0]);
    expect(links.map((a) => a.tabIndex)).toEqual([0, -1, -1]);
  });
});
