import { E2E_ZOOM_ACCOUNT, E2E_ZOOM_ACCOUNT_NO_ZAK, startFakeZoom } from "./fake";

/**
 * The fake Zoom as a process, for browser tests: it listens on loopback at the port given as its argument and
 * knows the accounts whose credentials the tests type into the settings form (one of them without
 * the scope for the host's ZAK).
 */
const port = Number(process.argv[2] ?? 4100);
const zoom = await startFakeZoom(port);
zoom.addAccount(E2E_ZOOM_ACCOUNT);
zoom.addAccount(E2E_ZOOM_ACCOUNT_NO_ZAK);
const stop = () => void zoom.close().then(() => process.exit(0));
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
