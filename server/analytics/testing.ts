import { PHOTO_DECK_ID, WORD_DECK_ID, defaultJourneys } from "../../content";
import type { TestApp } from "../test/harness";
import type { SignedUp } from "../test/factories";
import { LiveClient } from "../test/live-client";
import { analyticsOf } from "./routes";

/** Base URL of a test app that is listening, for socket clients. */
export async function listen(t: TestApp): Promise<string> {
  await t.app.listen({ port: 0, host: "127.0.0.1" });
  const addr = t.app.server.address();
  return `http://127.0.0.1:${typeof addr === "object" && addr ? addr.port : 0}`;
}

export interface ScriptedSession {
  id: string;
  guests: { name: string; participantId: string }[];
}

async function ok(p: Promise<{ ok: boolean }>, what: string) {
  const r = await p;
  if (!r.ok) throw new Error(`${what} failed: ${JSON.stringify(r)}`);
  return r as { ok: true; seq: number };
}

/**
 * Runs a real session over Socket.IO: everyone joins, cards are dealt, swapped and chosen,
 * people reflect (shared and private), chat, raise a hand and commit, then it ends.
 * `members` join with their accounts so their seats are theirs.
 */
export async function scriptSession(
  t: TestApp,
  base: string,
  facilitator: SignedUp,
  opts: { title: string; guests: string[]; members?: SignedUp[]; commitment?: string },
): Promise<ScriptedSession> {
  const clients: LiveClient[] = [];
  try {
    const res = await t.app.inject({ method: "POST", url: "/api/sessions", headers: facilitator.headers, payload: { title: opts.title, journeyId: defaultJourneys()[0].id } });
    if (res.statusCode !== 201) throw new Error(`create failed ${res.body}`);
    const s = res.json() as { id: string; joinCode: string };
    const fac = new LiveClient(base, facilitator.token);
    clients.push(fac);
    await fac.join(s.id);
    const people: { name: string; participantId: string; c: LiveClient }[] = [];
    const joiners = [...opts.guests.map((name) => ({ name, headers: {} as Record<string, string> })), ...(opts.members ?? []).map((m) => ({ name: m.user.name, headers: { authorization: m.headers.authorization } }))];
    for (const j of joiners) {
      const r = await t.app.inject({ method: "POST", url: "/api/sessions/join", headers: j.headers, payload: { joinCode: s.joinCode, displayName: j.name } });
      if (r.statusCode !== 200) throw new Error(`join failed ${r.body}`);
      const body = r.json() as { participantId: string; token: string };
      const c = new LiveClient(base, body.token);
      clients.push(c);
      await c.join(s.id);
      people.push({ name: j.name, participantId: body.participantId, c });
    }
    await ok(fac.command("session.start"), "start").catch(() => undefined);
    const deal = await ok(fac.command("cards.deal", { deckId: PHOTO_DECK_ID, mode: "face-up", count: 1, to: "each" }), "deal");
    await people[0].c.waitForSeq(deal.seq);
    const mine = (people[0].c.events.find((e) => e.type === "cards.dealt")!.payload as { cards: { cardId: string; participantId: string }[] }).cards.find((c) => c.participantId === people[0].participantId)!;
    await ok(people[0].c.command("card.swap", { cardId: mine.cardId }), "swap");
    await ok(fac.command("phase.next"), "phase");
    const spread = await ok(fac.command("cards.deal", { deckId: WORD_DECK_ID, mode: "face-up", count: people.length, to: "table" }), "spread");
    await people[0].c.waitForSeq(spread.seq);
    const table = (people[0].c.events.filter((e) => e.type === "cards.dealt").pop()!.payload as { cards: { cardId: string }[] }).cards;
    for (let i = 0; i < Math.min(2, people.length); i++) await ok(people[i].c.command("card.choose", { cardId: table[i].cardId }), "choose");
    const moods = ["I feel hopeful and grateful for this group", "I am anxious and tired about work", "Calm and curious about what comes next"];
    for (let i = 0; i < people.length; i++) await ok(people[i].c.command("reflection.add", { text: moods[i % moods.length], visibility: "shared" }), "reflect");
    await ok(people[0].c.command("reflection.add", { text: "A private thought about my family", visibility: "private" }), "private");
    await ok(people[1 % people.length].c.command("chat.send", { text: "Thank you all, this was lovely" }), "chat");
    await ok(people[0].c.command("hand.raise"), "hand");
    await ok(people[0].c.command("commitment.add", { text: opts.commitment ?? "Call my sister", due: new Date(Date.now() + 86_400_000).toISOString() }), "commit");
    await ok(fac.command("phase.next"), "phase");
    await ok(fac.command("session.end"), "end");
    await analyticsOf.get(t.ctx)!.materialiser.idle();
    return { id: s.id, guests: people.map((p) => ({ name: p.name, participantId: p.participantId })) };
  } finally {
    for (const c of clients) c.close();
  }
}

/** The text a PDF shows: pdfkit writes each run as hex glyph codes inside TJ arrays. */
export function pdfText(pdf: Buffer): string {
  const src = pdf.toString("latin1");
  const out: string[] = [];
  for (const m of src.matchAll(/\[((?:<[0-9a-f]*>\s*-?[\d.]*\s*)+)\]\s*TJ/gi)) {
    out.push([...m[1].matchAll(/<([0-9a-f]*)>/gi)].map((h) => Buffer.from(h[1], "hex").toString("latin1")).join(""));
  }
  return out.join("\n");
}
