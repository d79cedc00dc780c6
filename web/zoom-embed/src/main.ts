// The embedded Zoom call: the Meeting SDK's component view in a page of its own, bundled with
// this folder's React 18 (the SDK's exact peer dependency) so it never meets the studio's React 19.
// The session view opens it in an iframe and talks to it with postMessage (see the protocol file).
import ZoomMtgEmbedded from "@zoom/meetingsdk/embedded";
import { callFailure, isSdkFailure, readStudioMessage, statusMessage, type CallStatus, type JoinDetails } from "../../src/features/integrations/zoomEmbedProtocol";

const studio = window.parent;
const origin = window.location.origin;
// The SDK's media files are served next to this page (copied from the package at build time),
// so nothing is fetched from Zoom's CDN.
const assetPath = new URL("lib/av", new URL(".", window.location.href)).href.replace(/\/$/, "");

function report(status: CallStatus) {
  studio.postMessage(statusMessage(status), origin);
}

const zoomAppRoot = document.getElementById("zoom-root") ?? document.body;
const client = ZoomMtgEmbedded.createClient();
let started = false;
let joined = false;

function onConnectionChange(payload: { state?: string; reason?: string; errorCode?: number }) {
  if (payload?.state === "Closed") {
    joined = false;
    report({ status: "left" });
  } else if (payload?.state === "Fail" && joined) {
    report(callFailure(payload, "connection"));
  }
}

async function start(join: JoinDetails) {
  report({ status: "starting" });
  try {
    const result: unknown = await client.init({ zoomAppRoot, language: join.language, patchJsMedia: true, leaveOnPageUnload: true, assetPath });
    if (isSdkFailure(result)) return report(callFailure(result, "init"));
    // The client takes listeners only once it is initialised (before, `on` throws).
    client.on("connection-change", onConnectionChange);
  } catch (err) {
    return report(callFailure(err, "init"));
  }
  report({ status: "joining" });
  try {
    // A facilitator's join carries the host's ZAK, which starting the meeting as host needs.
    const result: unknown = await client.join({
      meetingNumber: join.meetingNumber,
      signature: join.signature,
      userName: join.userName,
      password: join.password,
      ...(join.zak ? { zak: join.zak } : {}),
    });
    if (isSdkFailure(result)) return report(callFailure(result, "join"));
    joined = true;
    report({ status: "joined" });
  } catch (err) {
    report(callFailure(err, "join"));
  }
}

window.addEventListener("message", (event) => {
  if (event.source !== studio || event.origin !== origin) return;
  const message = readStudioMessage(event.data);
  if (!message) return;
  if (message.kind === "leave") {
    if (joined) void Promise.resolve(client.leaveMeeting()).catch(() => undefined);
    return;
  }
  // One join per page: trying again reloads the page.
  if (started) return;
  started = true;
  void start(message.join);
});

if (studio === window) {
  const note = document.getElementById("standalone");
  if (note) note.style.display = "block";
} else {
  report({ status: "ready" });
}
