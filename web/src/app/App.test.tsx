import { act } from "react";
import { createRoot, type Root } from "react-dom/client";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { setupI18n } from "../i18n";
import { App } from "./App";

declare global {
  // React reads this flag to know `act` is in use.
  var IS_REACT_ACT_ENVIRONMENT: boolean;
}

let root: Root | undefined;
let container: HTMLDivElement | undefined;

beforeAll(async () => {
  globalThis.IS_REACT_ACT_ENVIRONMENT = true;
  // jsdom has no layout; the shell scrolls to the top after navigation.
  window.scrollTo = () => undefined;
  await setupI18n("en");
});

afterEach(() => {
  act(() => root?.unmount());
  container?.remove();
  vi.unstubAllGlobals();
  localStorage.clear();
});

async function renderApp(path: string): Promise<HTMLDivElement> {
  window.history.pushState({}, "", path);
  container = document.createElement("div");
  document.body.append(container);
  root = createRoot(container);
  await act(async () => root?.render(<App />));
  return container;
}

describe("app shell", () => {
  it("shows the landing page to a signed-out visitor without calling the server", async () => {
    const fetchSpy = vi.fn(() => Promise.reject(new Error("no network in this test")));
    vi.stubGlobal("fetch", fetchSpy);
    const view = await renderApp("/");
    expect(view.querySelector("h1")?.textContent).toBe("Card sessions that open new perspectives");
    expect(view.querySelector('a[href="#main"]')?.textContent).toBe("Skip to main content");
    expect(view.querySelector("main#main")).not.toBeNull();
    expect(fetchSpy).not.toHaveBeenCalled();
  });

  it("sends a signed-out visitor from a private page to sign in, remembering where they were going", async () => {
    vi.stubGlobal("fetch", vi.fn(() => Promise.reject(new Error("no network in this test"))));
    await renderApp("/profile");
    await act(async () => {
      await new Promise((r) => setTimeout(r, 50));
    });
    expect(window.location.pathname).toBe("/signin");
    expect(new URLSearchParams(window.location.search).get("next")).toBe("/profile");
  });
});
