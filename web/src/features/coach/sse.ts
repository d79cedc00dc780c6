/** One server-sent event: its name (`message` when the server gave none) and its data lines joined. */
export interface ServerEvent {
  event: string;
  data: string;
}

/**
 * An incremental reader of the `text/event-stream` format: text arrives in arbitrary pieces
 * (a chunk may end in the middle of a line, or of a multi-byte character, which the caller's
 * TextDecoder keeps), and each complete event is handed on as soon as its blank line arrives.
 */
export function createEventParser(onEvent: (e: ServerEvent) => void) {
  let buffer = "";
  let event = "";
  let data: string[] = [];

  const dispatch = () => {
    if (data.length > 0) onEvent({ event: event || "message", data: data.join("\n") });
    event = "";
    data = [];
  };

  const line = (raw: string) => {
    if (raw === "") return dispatch();
    if (raw.startsWith(":")) return; // a comment, e.g. a keep-alive
    const colon = raw.indexOf(":");
    const field = colon === -1 ? raw : raw.slice(0, colon);
    let value = colon === -1 ? "" : raw.slice(colon + 1);
    if (value.startsWith(" ")) value = value.slice(1);
    if (field === "event") event = value;
    else if (field === "data") data.push(value);
  };

  return {
    push(text: string) {
      buffer += text;
      let at: number;
      while ((at = buffer.search(/\r\n|\r|\n/)) !== -1) {
        // A lone \r at the very end may be the first half of \r\n: wait for the next piece.
        if (buffer[at] === "\r" && at === buffer.length - 1) break;
        const sep = buffer[at] === "\r" && buffer[at + 1] === "\n" ? 2 : 1;
        line(buffer.slice(0, at));
        buffer = buffer.slice(at + sep);
      }
    },
    /** The stream closed: an event without its final blank line is dropped, as the format says. */
    end() {
      buffer = "";
      event = "";
      data = [];
    },
  };
}

/** Reads a streamed response body to its end, handing on each event as it completes. */
export async function readEvents(body: ReadableStream<Uint8Array>, onEvent: (e: ServerEvent) => void): Promise<void> {
  const parser = createEventParser(onEvent);
  const reader = body.getReader();
  const decoder = new TextDecoder();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      parser.push(decoder.decode(value, { stream: true }));
    }
    parser.push(decoder.decode());
  } finally {
    parser.end();
    reader.releaseLock();
  }
}
