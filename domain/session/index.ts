// The live-session engine: pure and isomorphic, shared by the server and the browser.
export * from "./types";
export * from "./events";
export * from "./commands";
export {
  HIDDEN,
  createInitialState,
  cardVisibleTo,
  holderOf,
  isFacilitatorRole,
  activeParticipants,
  type CreateSessionInput,
  type Decision,
} from "./state";
export { decide, decideInput, resolveActor } from "./decide";
export { evolve, replay, applyAll } from "./evolve";
export { viewState, redactEvent } from "./redact";
export { timerRemainingMs, timerAt } from "./timer";
export { seededRandom, shuffle } from "./random";
