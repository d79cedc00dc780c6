import { describe, expect, it } from "vitest";
import { sendStreamed, type CoachTransport } from "./api";
import { createEventParser, readEvents, type ServerEvent } from "./sse";

function collect(pieces: string[]): ServerEvent[] {
  const out: ServerEvent[] = [];
  const parser = createEventParser((e) => out.push(e));
  for (const p of pieces) parser.push(p);
  parser.end();
  return out;
}

function streamOf(pieces: Array<string | Uint8Array>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    start(controller) {
      for (const p of pieces) controller.enqueue(typeof p === "string" ? encoder.encode(p) : p);
      controller.close();
    },
  });
}

describe("event stream parser", () => {
  it("reads named events with their data", () => {
    expect(collect(['event: delta\ndata: {"text":"Hel"}\n\nevent: done\ndata: {"x":1}\n\n'])).toEqual([
      { event: "delta", data: '{"text":"Hel"}' },
      { event: "done", data: '{"x":1}' },
    ]);
  });

  it("joins events split anywhere, even inside the field name or the line break", () => {
    const text = 'event: delta\r\ndata: {"text":"a"}\r\n\r\nevent: delta\ndata: {"text":"b"}\n\n';
    for (let cut = 1; cut < text.length; cut++) {
      expect(collect([text.slice(0, cut), text.slice(cut)]), `cut at ${cut}`).toEqual([
        { event: "delta", data: '{"text":"a"}' },
        { event: "delta", data: '{"text":"b"}' },
      ]);
    }
  });

  it("joins several data lines, skips comments, and names unnamed events 'message'", () => {
    expect(collect([": keep-alive\n\ndata: one\ndata: two\n\n"])).toEqual([{ event: "message", data: "one\ntwo" }]);
  });

  it("drops an event the stream cut off before its blank line", () => {
    expect(collect(['event: delta\ndata: {"text":"a"}\n\nevent: done\ndata: {"cut'])).toEqual([{ event: "delta", data: '{"text":"a"}' }]);
  });

  it("decodes a multi-byte character split between chunks", async () => {
    const bytes = new TextEncoder().encode("event: delta\ndata: שלום\n\n");
    const events: ServerEvent[] = [];
    await readEvents(streamOf([bytes.slice(0, 21), bytes.slice(21)]), (e) => events.push(e));
    expect(events).toEqual([{ event: "delta", data: "שלום" }]);
  });
});

describe("a streamed coach turn", () => {
  const transportAnswering = (res: Response, seen: { body?: unknown } = {}): CoachTransport => ({
    scope: "test",
    json: () => Promise.reject(new Error("not used")),
    open: (_path, body) => {
      seen.body = body;
      return Promise.resolve(res);
    },
  });
  const message = { id: "6f1c2a4e-1d6b-4c1e-9a53-0c7f1b7c9a10", role: "coach", text: "What do you see?" };

  it("hands on each piece, then returns the done event's message", async () => {
    const res = new Response(streamOf(['event: delta\ndata: {"text":"What do "}\n\n', 'event: delta\ndata: {"text":"you see?"}\n\n', `event: done\ndata: ${JSON.stringify({ message })}\n\n`]), {
      headers: { "content-type": "text/event-stream" },
    });
    const pieces: string[] = [];
    const seen: { body?: unknown } = {};
    const result = await sendStreamed(transportAnswering(res, seen), "c1", "hello", { onDelta: (t) => pieces.push(t), signal: new AbortController().signal });
    expect(seen.body).toEqual({ text: "hello" });
    expect(pieces).toEqual(["What do ", "you see?"]);
    expect(result.message.text).toBe("What do you see?");
  });

  it("turns an error event into an error with the server's words", async () => {
    const res = new Response(streamOf(['event: error\ndata: {"error":{"code":"internal","message":"Something went wrong on our side."}}\n\n']), { headers: { "content-type": "text/event-stream" } });
    await expect(sendStreamed(transportAnswering(res), "c1", "hi", { onDelta: () => undefined, signal: new AbortController().signal })).rejects.toMatchObject({ code: "internal", message: "Something went wrong on our side." });
  });

  it("fails when the stream ends without a done event", async () => {
    const res = new Response(streamOf(['event: delta\ndata: {"text":"What"}\n\n']), { headers: { "content-type": "text/event-stream" } });
    await expect(sendStreamed(transportAnswering(res), "c1", "hi", { onDelta: () => undefined, signal: new AbortController().signal })).rejects.toMatchObject({ code: "network" });
  });

  it("passes a 4xx answer on as the contract's error", async () => {
    const res = new Response(JSON.stringify({ error: { code: "not_found", message: "The conversation was not found." } }), { status: 404, headers: { "content-type": "application/json" } });
    await expect(sendStreamed(transportAnswering(res), "c1", "hi", { onDelta: () => undefined, signal: new AbortController().signal })).rejects.toMatchObject({ status: 404, code: "not_found" });
  });

  it("accepts a whole JSON answer when the stream was not passed on", async () => {
    const res = new Response(JSON.stringify({ message }), { headers: { "content-type": "application/json" } });
    const pieces: string[] = [];
    const result = await sendStreamed(transportAnswering(res), "c1", "hi", { onDelta: (t) => pieces.push(t), signal: new AbortController().signal });
    expect(pieces).toEqual(["What do you see?"]);
    expect(result.message.id).toBe(message.id);
  });
});
