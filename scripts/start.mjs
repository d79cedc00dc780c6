// `npm start`: builds the web app when its sources changed since the last build, then runs the server.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const dist = join(root, "web", "dist", "index.html");

function newest(path) {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let max = 0;
  for (const entry of readdirSync(path)) {
    if (entry === "node_modules" || entry === "dist") continue;
    max = Math.max(max, newest(join(path, entry)));
  }
  return max;
}

if (existsSync(join(root, "web", "index.html"))) {
  const sources = Math.max(newest(join(root, "web")), newest(join(root, "domain")), newest(join(root, "vite.config.ts")));
  const built = existsSync(dist) ? statSync(dist).mtimeMs : 0;
  let rebuilt = false;
  if (sources > built) {
    process.stdout.write("Building the web app…\n");
    const res = spawnSync(join(root, "node_modules", ".bin", "vite"), ["build", "--logLevel", "warn"], { cwd: root, stdio: "inherit" });
    if (res.status !== 0) {
      process.stderr.write("The web app could not be built; see the messages above.\n");
      process.exit(res.status ?? 1);
    }
    rebuilt = true;
  }
  // The embedded Zoom call (web/zoom-embed) is optional: without it, or if it fails to build,
  // the studio starts and the session view offers the Zoom links only.
  const { buildZoomEmbed, embedOut, zoomEmbedInstalled } = await import("./build-zoom-embed.mjs");
  const embedPage = join(embedOut, "index.html");
  const embedLock = join(root, "web", "zoom-embed", "node_modules", ".package-lock.json");
  const embedStale = !existsSync(embedPage) || (existsSync(embedLock) && statSync(embedLock).mtimeMs > statSync(embedPage).mtimeMs);
  if (zoomEmbedInstalled() && (rebuilt || embedStale)) {
    process.stdout.write("Building the embedded Zoom call…\n");
    try {
      await buildZoomEmbed();
    } catch (err) {
      process.stderr.write(`The embedded Zoom call could not be built (${err instanceof Error ? err.message : String(err)}); the studio starts without it.\n`);
    }
  }
}

const { register } = await import("tsx/esm/api");
register();
await import("../server/main.ts");
