// What other features mount: the participant's consent and own signals, the facilitators' strip.
export { SignalsConsent } from "./SignalsConsent";
export { MySignals } from "./MySignals";
export { EngagementStrip, type StripPerson } from "./EngagementStrip";
export { OrgSignalsSettings } from "./OrgSignalsSettings";
export { SignalsAfterwards, ParticipantSignalsPanel, LiveStrip } from "./SignalsPages";
export { useSignalsShare, useSignalsFeed } from "./useSignals";
export { signalsRoutes } from "./routes";
