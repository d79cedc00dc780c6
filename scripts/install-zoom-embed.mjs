// Runs after the root `npm ci` / `npm install` (the root package's postinstall): installs
// web/zoom-embed's own dependencies, the Zoom Meeting SDK with the React 18 it requires, from
// that folder's lockfile. It is a separate package, not a workspace, so React 18 there never
// meets the studio's React 19.
//
// The studio works without it (the session view then says the call cannot open in the page), so
// a failure here warns instead of failing the whole install. STUDIO_ZOOM_EMBED=off skips it.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const dir = fileURLToPath(new URL("../web/zoom-embed", import.meta.url));

if (process.env.STUDIO_ZOOM_EMBED === "off") {
  process.stdout.write("STUDIO_ZOOM_EMBED=off: the embedded Zoom call is not installed.\n");
  process.exit(0);
}
if (!existsSync(join(dir, "package-lock.json"))) process.exit(0);

// The npm that runs this script, when there is one, so the nested install uses the same version.
const npmCli = process.env.npm_execpath;
const [command, prefix] = npmCli && npmCli.endsWith(".js") ? [process.execPath, [npmCli]] : ["npm", []];
const started = Date.now();
// --ignore-scripts: nothing there needs an install script (the SDK's only prints a notice), and
// no install step may download anything.
const res = spawnSync(command, [...prefix, "ci", "--no-audit", "--no-fund", "--ignore-scripts", "--prefix", dir], { cwd: dir, stdio: "inherit" });
if (res.status !== 0) {
  process.stderr.write(
    "\nThe embedded Zoom call (web/zoom-embed) could not be installed; the studio works without it and offers the Zoom links instead.\n" +
      "To try again: npm ci --prefix web/zoom-embed\n\n",
  );
  process.exit(0);
}
process.stdout.write(`Installed the embedded Zoom call (web/zoom-embed) in ${((Date.now() - started) / 1000).toFixed(1)} s.\n`);
