import type { FastifyReply, FastifyRequest } from "fastify";

/** Whether the client asked for a streamed answer. */
export function wantsEventStream(req: FastifyRequest): boolean {
  return (req.headers.accept ?? "").split(",").some((part) => part.trim().startsWith("text/event-stream"));
}

export interface EventStream {
  send(event: string, data: unknown): void;
  end(): void;
  /** Aborted when the client goes away ("stop generating"). */
  signal: AbortSignal;
}

/**
 * Takes the response over for Server-Sent Events. Headers the app's hooks would add are set
 * here, since a hijacked reply skips them; proxies are told not to buffer.
 */
export function openEventStream(req: FastifyRequest, reply: FastifyReply): EventStream {
  const controller = new AbortController();
  let ended = false;
  reply.hijack();
  const res = reply.raw;
  res.writeHead(200, {
    "content-type": "text/event-stream; charset=utf-8",
    "cache-control": "no-cache, no-transform",
    connection: "keep-alive",
    "x-accel-buffering": "no",
    "x-request-id": req.id,
    "x-content-type-options": "nosniff",
  });
  res.flushHeaders();
  res.on("close", () => {
    if (!ended) controller.abort(new Error("client closed the stream"));
  });
  return {
    signal: controller.signal,
    send(event, data) {
      if (ended || res.writableEnded || res.destroyed) return;
      res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
    },
    end() {
      if (ended) return;
      ended = true;
      if (!res.writableEnded) res.end();
    },
  };
}
