import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { replay } from "./evolve";
import { holderOf } from "./state";
import { DECKS } from "./test-fixtures";
import { PARTICIPANTS, isFacilitatorOnly, runScenario, sameData, scenarioArb } from "./test-arbitraries";
import { timerRemainingMs } from "./timer";
import type { SessionState } from "./types";

// Invariants over thousands of random command sequences from random people.

const RUNS = 1500;

function fail(message: string): never {
  throw new Error(message);
}

/** Every card is in exactly one place, and the pile, hand and table views agree. */
function checkCards(state: SessionState): void {
  const seen = new Set<string>();
  for (const [deckId, deck] of Object.entries(state.decks)) {
    for (const id of deck.pile) {
      if (seen.has(id)) fail(`card ${id} is in a pile twice`);
      seen.add(id);
      const card = state.cards[id];
      if (!card || card.location.kind !== "pile" || card.deckId !== deckId) fail(`pile card ${id} is not recorded in its pile`);
    }
  }
  const slots = new Set<number>();
  for (const [key, card] of Object.entries(state.cards)) {
    if (key !== card.cardId) fail(`card ${key} is stored under another id`);
    if (!Object.hasOwn(DECKS, card.deckId) || !DECKS[card.deckId].includes(card.cardId)) fail(`card ${key} is in the wrong deck`);
    if (card.location.kind === "pile") {
      if (!state.decks[card.deckId]?.pile.includes(key)) fail(`card ${key} says pile but is not in it`);
      continue;
    }
    if (seen.has(key)) fail(`card ${key} is both in a pile and in play`);
    if (card.slot === undefined || slots.has(card.slot)) fail(`card ${key} in play has no unique slot`);
    slots.add(card.slot);
    if (card.location.kind === "hand") {
      const holder = state.participants[card.location.participantId];
      if (!holder || holder.removed) fail(`card ${key} is in the hand of someone not in the session`);
    }
  }
  // Nothing vanished: each loaded deck still has all its cards.
  for (const deckId of Object.keys(state.decks)) {
    const count = Object.values(state.cards).filter((c) => c.deckId === deckId).length;
    if (count !== DECKS[deckId].length) fail(`deck ${deckId} has ${count} cards instead of ${DECKS[deckId].length}`);
  }
  if (state.spotlight) {
    const card = state.cards[state.spotlight.cardId];
    if (!card || card.location.kind === "pile" || !card.faceUp) fail("the spotlight shows a card that is not face up in play");
    if (card.slot !== state.spotlight.slot || holderOf(card) !== state.spotlight.participantId) fail("the spotlight names the wrong card or holder");
  }
}

function checkBreakouts(state: SessionState): void {
  const placed = new Set<string>();
  state.breakouts.rooms.forEach((room, i) => {
    if (room.index !== i) fail(`room ${i} is numbered ${room.index}`);
    for (const id of room.participantIds) {
      if (placed.has(id)) fail(`${id} is in two breakout rooms`);
      placed.add(id);
      const p = state.participants[id];
      if (!p || p.removed) fail(`${id} is in a room but not in the session`);
    }
  });
}

describe("session engine properties", () => {
  it("keeps its invariants, rejects facilitator commands from participants, and replays to the same state", () => {
    let accepted = 0;
    let forbiddenChecks = 0;
    fc.assert(
      fc.property(scenarioArb, (scenario) => {
        const { initial, final, log } = runScenario(scenario, (r) => {
          if (r.decision.ok) accepted++;
          else if (!r.decision.error.message.endsWith(".")) fail(`message is not a sentence: ${r.decision.error.message}`);
          if (isFacilitatorOnly(r.command) && PARTICIPANTS.includes(r.actor.participantId)) {
            forbiddenChecks++;
            if (r.decision.ok || r.decision.error.code !== "forbidden") {
              fail(`${r.command.type} from participant ${r.actor.participantId} was not forbidden`);
            }
          }
          checkCards(r.after);
          checkBreakouts(r.after);
          if (r.after.timer.remainingMs < 0 || timerRemainingMs(r.after.timer, r.now) < 0) fail("timer went negative");
          if (timerRemainingMs(r.after.timer, r.now + 10_000_000) < 0) fail("timer goes negative later");
        });
        const replayed = replay(initial, log);
        if (!sameData(replayed, final)) {
          expect(replayed).toStrictEqual(final);
        }
        // Replaying twice (as every browser does) gives the same result too.
        if (!sameData(replay(initial, JSON.parse(JSON.stringify(log))), final)) fail("replay from stored JSON differs");
      }),
      { numRuns: RUNS },
    );
    // Guard against a generator that only ever produces refusals.
    expect(accepted).toBeGreaterThan(RUNS * 5);
    expect(forbiddenChecks).toBeGreaterThan(RUNS / 2);
  }, 120_000);
});
