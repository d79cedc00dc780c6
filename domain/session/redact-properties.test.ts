import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { evolve } from "./evolve";
import type { SessionEvent } from "./events";
import { redactEvent, viewState } from "./redact";
import { cardVisibleTo, holderOf } from "./state";
import { ALL_CARD_IDS, PARTICIPANTS, PEOPLE, roleOf, runScenario, sameData, scenarioArb } from "./test-arbitraries";
import type { SessionState, Viewer } from "./types";

// What each person sees, over random sessions: nothing they may not know, and a browser
// applying its redacted events reaches exactly the view the server would send it.

const RUNS = 500;
const VIEWERS: Viewer[] = PEOPLE.map((participantId) => ({ participantId, role: roleOf(participantId) }));

function fail(message: string): never {
  throw new Error(message);
}

/** Card ids this participant may not know right now. */
function secretsFor(state: SessionState, viewerId: string): Set<string> {
  const secrets = new Set<string>();
  for (const card of Object.values(state.cards)) {
    const inPlay = card.location.kind !== "pile";
    if (!inPlay || !cardVisibleTo({ faceUp: card.faceUp, holderId: holderOf(card) }, viewerId, false)) secrets.add(card.cardId);
  }
  return secrets;
}

function cardIdsIn(value: unknown, found: Set<string> = new Set()): Set<string> {
  if (typeof value === "string") {
    if (ALL_CARD_IDS.has(value)) found.add(value);
  } else if (Array.isArray(value)) {
    for (const v of value) cardIdsIn(v, found);
  } else if (value && typeof value === "object") {
    for (const v of Object.values(value)) cardIdsIn(v, found);
  }
  return found;
}

function checkView(state: SessionState, view: SessionState, viewerId: string): void {
  const secrets = secretsFor(state, viewerId);
  // Shared reflections may name a card that was face up when shared; they are checked below.
  const { reflections, ...rest } = view;
  for (const id of cardIdsIn(rest)) if (secrets.has(id)) fail(`${viewerId} can see hidden card ${id}`);
  for (const r of reflections) {
    if (r.visibility === "private" && r.participantId !== viewerId && (r.text !== "" || r.cardId !== undefined)) {
      fail(`${viewerId} can read ${r.participantId}'s private reflection`);
    }
  }
  for (const deck of Object.values(view.decks)) if (deck.pile.some((id) => id !== "hidden")) fail("a pile's order leaked");
  const inPlay = Object.values(state.cards).filter((c) => c.location.kind !== "pile").length;
  if (Object.keys(view.cards).length !== inPlay) fail(`${viewerId} does not see every card slot in play`);
}

function checkEvent(redacted: SessionEvent, after: SessionState, viewerId: string): void {
  if (redacted.type === "reflection.added") return;
  const secrets = secretsFor(after, viewerId);
  for (const id of cardIdsIn(redacted.payload)) if (secrets.has(id)) fail(`${redacted.type} tells ${viewerId} about hidden card ${id}`);
}

describe("what each person sees", () => {
  it("never leaks hidden cards or private reflections, and redacted events rebuild each person's view", () => {
    let compared = 0;
    fc.assert(
      fc.property(scenarioArb, (scenario) => {
        let clients: SessionState[] | undefined;
        runScenario(scenario, ({ before, events, after }) => {
          clients ??= VIEWERS.map((v) => viewState(before, v));
          let state = before;
          for (const e of events) {
            const next = evolve(state, e);
            VIEWERS.forEach((viewer, i) => {
              const copy = redactEvent(e, viewer, state);
              if (viewer.role === "participant") checkEvent(copy, next, viewer.participantId);
              clients![i] = evolve(clients![i], copy);
            });
            state = next;
          }
          VIEWERS.forEach((viewer, i) => {
            const expected = viewState(after, viewer);
            compared++;
            if (!sameData(clients![i], expected)) {
              expect({ viewer: viewer.participantId, state: clients![i] }).toStrictEqual({ viewer: viewer.participantId, state: expected });
            }
            if (PARTICIPANTS.includes(viewer.participantId)) checkView(after, expected, viewer.participantId);
          });
        });
      }),
      { numRuns: RUNS },
    );
    expect(compared).toBeGreaterThan(RUNS * VIEWERS.length * 10);
  }, 120_000);
});
