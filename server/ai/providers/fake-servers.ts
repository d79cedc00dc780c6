import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * Local stand-ins for an OpenAI-compatible server and for Anthropic's Messages API, speaking
 * their streaming wire formats on 127.0.0.1. Tests and the benchmark script their answers.
 */
export interface FakeBehaviour {
  /** Text pieces streamed in order. */
  chunks: string[];
  /** Pause before each piece. */
  delayMs?: number;
  /** Answer with this HTTP status and an error body instead. */
  status?: number;
  /** Accept the request and never answer (a hung model). */
  hang?: boolean;
}

export interface FakeServer {
  url: string;
  /** Request bodies received, newest last. */
  requests: Record<string, unknown>[];
  behave(next: FakeBehaviour): void;
  close(): Promise<void>;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function readBody(req: IncomingMessage): Promise<Record<string, unknown>> {
  return new Promise((resolve) => {
    let raw = "";
    req.on("data", (c: Buffer) => (raw += c.toString("utf8")));
    req.on("end", () => {
      try {
        resolve(JSON.parse(raw) as Record<string, unknown>);
      } catch {
        resolve({});
      }
    });
  });
}

type Writer = (res: ServerResponse, behaviour: FakeBehaviour, model: string) => Promise<void>;

async function start(write: Writer, path: string, initial: FakeBehaviour): Promise<FakeServer> {
  let behaviour = initial;
  const requests: Record<string, unknown>[] = [];
  const open = new Set<ServerResponse>();
  const server: Server = createServer((req, res) => {
    void (async () => {
      const body = await readBody(req);
      requests.push(body);
      if (req.method !== "POST" || !req.url?.endsWith(path)) {
        res.writeHead(404, { "content-type": "application/json" }).end(JSON.stringify({ error: { message: "not found" } }));
        return;
      }
      if (behaviour.hang) {
        open.add(res);
        return;
      }
      if (behaviour.status) {
        res.writeHead(behaviour.status, { "content-type": "application/json" }).end(JSON.stringify({ error: { type: "server_error", message: "scripted failure" } }));
        return;
      }
      res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache", connection: "keep-alive" });
      res.flushHeaders();
      await write(res, behaviour, typeof body.model === "string" ? body.model : "fake");
      res.end();
    })();
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    behave: (next) => void (behaviour = next),
    async close() {
      for (const res of open) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}

const openAIWriter: Writer = async (res, b, model) => {
  const chunk = (delta: Record<string, unknown>, finish: string | null) =>
    `data: ${JSON.stringify({ id: "chatcmpl-fake", object: "chat.completion.chunk", created: 0, model, choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`;
  for (const [i, piece] of b.chunks.entries()) {
    if (b.delayMs) await sleep(b.delayMs);
    res.write(chunk(i === 0 ? { role: "assistant", content: piece } : { content: piece }, null));
  }
  res.write(chunk({}, "stop"));
  res.write("data: [DONE]\n\n");
};

const anthropicWriter: Writer = async (res, b, model) => {
  const event = (type: string, data: Record<string, unknown>) => res.write(`event: ${type}\ndata: ${JSON.stringify({ type, ...data })}\n\n`);
  event("message_start", { message: { id: "msg_fake", type: "message", role: "assistant", model, content: [], stop_reason: null, stop_sequence: null, usage: { input_tokens: 1, output_tokens: 1 } } });
  event("content_block_start", { index: 0, content_block: { type: "text", text: "" } });
  for (const piece of b.chunks) {
    if (b.delayMs) await sleep(b.delayMs);
    event("content_block_delta", { index: 0, delta: { type: "text_delta", text: piece } });
  }
  event("content_block_stop", { index: 0 });
  event("message_delta", { delta: { stop_reason: "end_turn", stop_sequence: null }, usage: { output_tokens: b.chunks.length } });
  event("message_stop", {});
};

/** Serves `POST <url>/chat/completions`; use `url` as AI_BASE_URL. */
export function startFakeOpenAI(initial: FakeBehaviour): Promise<FakeServer> {
  return start(openAIWriter, "/chat/completions", initial);
}

/** Serves `POST <url>/v1/messages`; use `${url}/v1` as the Anthropic base URL. */
export function startFakeAnthropic(initial: FakeBehaviour): Promise<FakeServer> {
  return start(anthropicWriter, "/messages", initial);
}
