import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { act } from "react";
import { createRoot, type Root } from "react-dom/client";
import { MemoryRouter } from "react-router";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { setupI18n } from "../../i18n";
import type { CoachTransport, Conversation } from "./api";
import { ConversationView } from "./Conversation";
import { coachTranslations } from "./translations";

declare global {
  // React reads this flag to know `act` is in use.
  var IS_REACT_ACT_ENVIRONMENT: boolean;
}

const ID = "5b3f1f0e-2a51-4c4e-9d43-6f0a7f1c2b10";
const conversation = (messages: Conversation["messages"] = []): Conversation => ({
  id: ID,
  topic: "a new start",
  journeyId: null,
  sessionId: null,
  cardIds: [],
  language: "en",
  phase: "pause",
  createdAt: "2026-11-28T10:00:00.000Z",
  updatedAt: "2026-11-28T10:00:00.000Z",
  messages,
});

/** A coach whose reply the test writes piece by piece, as a slow model would. */
function slowCoach() {
  const encoder = new TextEncoder();
  let stream: ReadableStreamDefaultController<Uint8Array> | null = null;
  let signal: AbortSignal | null = null;
  let stored: Conversation["messages"] = [];
  const transport: CoachTransport = {
    scope: "test",
    json: <T,>() => Promise.resolve(conversation(stored) as T),
    open: (_path, _body, s) => {
      signal = s;
      const body = new ReadableStream<Uint8Array>({
        start(c) {
          stream = c;
          // What fetch does when its request is aborted mid-body.
          s.addEventListener("abort", () => c.error(new DOMException("The user aborted a request.", "AbortError")));
        },
      });
      return Promise.resolve(new Response(body, { headers: { "content-type": "text/event-stream" } }));
    },
  };
  return {
    transport,
    write: (event: string, data: unknown) => stream?.enqueue(encoder.encode(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`)),
    close: () => stream?.close(),
    store: (messages: Conversation["messages"]) => void (stored = messages),
    aborted: () => signal?.aborted ?? false,
  };
}

let root: Root | undefined;
let container: HTMLDivElement | undefined;

beforeAll(async () => {
  globalThis.IS_REACT_ACT_ENVIRONMENT = true;
  await setupI18n("en");
  await coachTranslations.load("en");
});

afterEach(() => {
  act(() => root?.unmount());
  container?.remove();
});

async function render(transport: CoachTransport) {
  container = document.createElement("div");
  document.body.append(container);
  root = createRoot(container);
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  await act(async () => {
    root!.render(
      <QueryClientProvider client={client}>
        <MemoryRouter>
          <ConversationView transport={transport} conversationId={ID} speech={false} />
        </MemoryRouter>
      </QueryClientProvider>,
    );
  });
  await act(() => new Promise((r) => setTimeout(r, 0)));
  return container;
}

const flush = () => act(() => new Promise((r) => setTimeout(r, 10)));

async function say(view: HTMLElement, text: string) {
  const box = view.querySelector("textarea")!;
  await act(async () => {
    Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, "value")!.set!.call(box, text);
    box.dispatchEvent(new Event("input", { bubbles: true }));
  });
  await act(async () => box.form!.requestSubmit());
}

const button = (view: HTMLElement, name: string) => [...view.querySelectorAll("button")].find((b) => b.textContent?.trim() === name);

describe("a conversation with the coach", () => {
  it("shows the reply growing as it streams, then keeps the finished turn with its rating", async () => {
    const coach = slowCoach();
    const view = await render(coach.transport);
    await say(view, "I am tired");
    coach.write("delta", { text: "What does " });
    await flush();
    expect(view.querySelector("[data-testid=streaming-reply]")?.textContent).toBe("What does ");
    expect(button(view, "■Stop")).toBeDefined();
    coach.write("delta", { text: "tired feel like?" });
    await flush();
    expect(view.querySelector("[data-testid=streaming-reply]")?.textContent).toBe("What does tired feel like?");

    const answer = { id: "0c1d9a6e-3b1f-4a55-8a1e-2f9d3b6c7e20", role: "coach" as const, text: "What does tired feel like?", phase: "pause" as const };
    coach.store([{ id: "1c1d9a6e-3b1f-4a55-8a1e-2f9d3b6c7e21", role: "user", text: "I am tired" }, answer]);
    coach.write("done", { message: answer });
    coach.close();
    await flush();
    await flush();
    expect(view.querySelector("[data-testid=streaming-reply]")).toBeNull();
    expect(view.querySelector("ol[aria-label=Conversation]")?.textContent).toContain("What does tired feel like?");
    expect(button(view, "👍 Helpful")).toBeDefined();
    expect(view.querySelector(".sr-only[role=status]")?.textContent).toBe("The coach says: What does tired feel like?");
    expect(button(view, "Send")).toBeDefined();
  });

  it("stops a reply mid-stream: the request is aborted and words the coach never kept return to the box", async () => {
    const coach = slowCoach();
    const view = await render(coach.transport);
    await say(view, "I keep thinking about starting over");
    coach.write("delta", { text: "Starting over" });
    await flush();
    expect(view.querySelector("[data-testid=streaming-reply]")?.textContent).toBe("Starting over");
    await act(async () => button(view, "■Stop")!.click());
    await flush();
    expect(coach.aborted()).toBe(true);
    expect(view.textContent).toContain("You stopped the reply.");
    expect(view.querySelector("[data-testid=streaming-reply]")).toBeNull();
    expect(view.querySelector("textarea")!.value).toBe("I keep thinking about starting over");
    expect(button(view, "■Stop")).toBeUndefined();
  });
});
