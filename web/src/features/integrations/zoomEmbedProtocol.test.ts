import { describe, expect, it } from "vitest";
import {
  CALL_DEADLINES_MS,
  callFailure,
  callReducer,
  initialCall,
  isSdkFailure,
  joinMessage,
  leaveMessage,
  readCallStatus,
  readStudioMessage,
  sdkLanguage,
  statusMessage,
  type CallState,
  type JoinDetails,
} from "./zoomEmbedProtocol";

const join: JoinDetails = {
  meetingNumber: "85746065432",
  signature: "eyJhbGciOiJIUzI1NiJ9.eyJtbiI6Ijg1NzQ2MDY1NDMyIn0.c2lnbmF0dXJl",
  userName: "Dana",
  password: "",
  language: "en-US",
};

// Both sides go through structured cloning, as postMessage does.
const overTheWire = <T>(m: T): unknown => structuredClone(m);

describe("messages from the studio to the call page", () => {
  it("a join the studio sends is read back unchanged", () => {
    expect(readStudioMessage(overTheWire(joinMessage(join)))).toEqual({ kind: "join", join });
    expect(readStudioMessage(overTheWire(leaveMessage()))).toEqual({ kind: "leave" });
  });

  it("carries the host's ZAK of a facilitator's join, and nothing of the kind for a participant's", () => {
    const zak = "eyJ0eXAiOiJKV1QiLCJhbGciOiJIUzI1NiJ9.eyJ1aWQiOiJob3N0In0.c2lnbmF0dXJlLXBhcnQ";
    expect(readStudioMessage(overTheWire(joinMessage({ ...join, zak })))).toEqual({ kind: "join", join: { ...join, zak } });
    const attendee = readStudioMessage(overTheWire(joinMessage(join)));
    expect(attendee).toEqual({ kind: "join", join });
    expect(attendee?.kind === "join" && "zak" in attendee.join).toBe(false);
  });

  it("trims the name and refuses one that is empty", () => {
    expect(readStudioMessage(joinMessage({ ...join, userName: "  Dana " }))).toEqual({ kind: "join", join });
    expect(readStudioMessage(joinMessage({ ...join, userName: "   " }))).toBeNull();
  });

  it("ignores anything that is not a well-formed join from the studio", () => {
    const bad: unknown[] = [
      null,
      "join",
      { ...joinMessage(join), source: "someone-else" },
      statusMessage({ status: "ready" }),
      { source: "pyou-studio", kind: "join" },
      joinMessage({ ...join, meetingNumber: "8574606543a" }),
      joinMessage({ ...join, meetingNumber: "1234" }),
      joinMessage({ ...join, signature: "not a jwt" }),
      joinMessage({ ...join, signature: `${"a".repeat(5000)}.b.c` }),
      { source: "pyou-studio", kind: "join", join: { ...join, password: 42 } },
      { source: "pyou-studio", kind: "join", join: { ...join, language: "he-IL" } },
      joinMessage({ ...join, zak: "" }),
      joinMessage({ ...join, zak: "not a token" }),
      joinMessage({ ...join, zak: "a".repeat(3000) }),
      { source: "pyou-studio", kind: "join", join: { ...join, zak: 42 } },
    ];
    for (const m of bad) expect(readStudioMessage(m), JSON.stringify(m)?.slice(0, 80)).toBeNull();
  });
});

describe("messages from the call page to the studio", () => {
  it("reads every status the page sends", () => {
    for (const status of ["ready", "starting", "joining", "joined", "left"] as const) {
      expect(readCallStatus(overTheWire(statusMessage({ status })))).toEqual({ status });
    }
    const failed = { status: "failed", stage: "join", code: "-3000", reason: "connection error" } as const;
    expect(readCallStatus(overTheWire(statusMessage(failed)))).toEqual(failed);
  });

  it("ignores other senders, unknown statuses and failures without a reason", () => {
    expect(readCallStatus({ ...statusMessage({ status: "joined" }), source: "pyou-studio" })).toBeNull();
    expect(readCallStatus({ source: "pyou-zoom-call", kind: "status", status: "dancing" })).toBeNull();
    expect(readCallStatus({ source: "pyou-zoom-call", kind: "status", status: "failed", stage: "join" })).toBeNull();
    expect(readCallStatus({ source: "pyou-zoom-call", kind: "status", status: "failed", stage: "lunch", reason: "x" })).toBeNull();
    expect(readCallStatus(joinMessage(join))).toBeNull();
  });

  it("drops a malformed error code but keeps the failure", () => {
    expect(readCallStatus({ source: "pyou-zoom-call", kind: "status", status: "failed", stage: "init", reason: "no", code: { nested: true } })).toEqual({
      status: "failed",
      stage: "init",
      code: null,
      reason: "no",
    });
  });
});

describe("SDK failures", () => {
  it("reads the SDK's error object, an Error and a string", () => {
    expect(callFailure({ type: "JOIN_MEETING_FAILED", reason: "connection error", errorCode: -3000 }, "join")).toEqual({
      status: "failed",
      stage: "join",
      code: "-3000",
      reason: "connection error",
    });
    expect(callFailure(new Error("WebAssembly is not allowed"), "init")).toMatchObject({ stage: "init", code: null, reason: "WebAssembly is not allowed" });
    expect(callFailure("Signature is invalid.", "join")).toMatchObject({ reason: "Signature is invalid." });
    expect(callFailure({ type: "INVALID_PARAMETERS" }, "init")).toMatchObject({ reason: "INVALID_PARAMETERS" });
    expect(callFailure(undefined, "connection")).toMatchObject({ stage: "connection", reason: "unknown error" });
  });

  it("tells an SDK failure resolved as a value from a success", () => {
    expect(isSdkFailure({ type: "INVALID_OPERATION", reason: "already joined" })).toBe(true);
    expect(isSdkFailure("")).toBe(false);
    expect(isSdkFailure(undefined)).toBe(false);
  });
});

describe("the SDK's language", () => {
  it("follows the studio's language where Zoom has it, English otherwise", () => {
    expect(sdkLanguage("en")).toBe("en-US");
    expect(sdkLanguage("de")).toBe("de-DE");
    expect(sdkLanguage("ja-JP")).toBe("ja-JP");
    expect(sdkLanguage("he")).toBe("en-US");
    expect(sdkLanguage(undefined)).toBe("en-US");
  });
});

describe("what the studio shows while the call opens", () => {
  const run = (...actions: Parameters<typeof callReducer>[1][]) => actions.reduce<CallState>(callReducer, initialCall);

  it("goes from loading through the signature, init and join to the call", () => {
    expect(run().phase).toBe("loading");
    expect(run({ type: "status", status: { status: "ready" } }).phase).toBe("signing");
    const joined = run(
      { type: "status", status: { status: "ready" } },
      { type: "status", status: { status: "starting" } },
      { type: "status", status: { status: "joining" } },
      { type: "status", status: { status: "joined" } },
    );
    expect(joined).toEqual({ phase: "joined", problem: null });
    expect(callReducer(joined, { type: "status", status: { status: "left" } }).phase).toBe("left");
  });

  it("keeps Zoom's reason and code when the join fails", () => {
    const failed = run({ type: "status", status: { status: "ready" } }, { type: "status", status: { status: "failed", stage: "join", code: "-3000", reason: "connection error" } });
    expect(failed).toEqual({ phase: "failed", problem: { kind: "join", code: "-3000", reason: "connection error" } });
  });

  it("says the signature failed with the server's message", () => {
    expect(run({ type: "status", status: { status: "ready" } }, { type: "signature-failed", reason: "Zoom's Meeting SDK is not set up" })).toEqual({
      phase: "failed",
      problem: { kind: "signature", reason: "Zoom's Meeting SDK is not set up", code: null },
    });
  });

  it("says Zoom gave no host token, with Zoom's reason, apart from other signature failures", () => {
    const reason = "Zoom said: Invalid access token, does not contain scopes:[user:read:token:admin].";
    const failed = run({ type: "status", status: { status: "ready" } }, { type: "host-token-failed", reason });
    expect(failed).toEqual({ phase: "failed", problem: { kind: "hostToken", reason, code: null } });
    expect(callReducer(failed, { type: "deadline" })).toBe(failed);
    expect(callReducer(failed, { type: "status", status: { status: "ready" } })).toEqual({ phase: "signing", problem: null });
  });

  it("gives up on a step that passes its deadline, and never on a settled one", () => {
    expect(run({ type: "deadline" }).problem?.kind).toBe("page");
    expect(run({ type: "status", status: { status: "ready" } }, { type: "status", status: { status: "joining" } }, { type: "deadline" }).problem?.kind).toBe("timeout");
    for (const settled of ["joined", "left"] as const) {
      const state = run({ type: "status", status: { status: settled } });
      expect(callReducer(state, { type: "deadline" })).toBe(state);
    }
    const failed = run({ type: "signature-failed", reason: "x" });
    expect(callReducer(failed, { type: "deadline" })).toBe(failed);
    // Every step before the call has a deadline; the call itself and its end do not.
    expect(Object.keys(CALL_DEADLINES_MS).sort()).toEqual(["joining", "loading", "signing", "starting"]);
  });

  it("accepts a join that answers after the studio gave up, and a page that loads anew", () => {
    const late = run({ type: "status", status: { status: "joining" } }, { type: "deadline" }, { type: "status", status: { status: "joined" } });
    expect(late).toEqual({ phase: "joined", problem: null });
    expect(callReducer(late, { type: "status", status: { status: "ready" } }).phase).toBe("signing");
  });
});
