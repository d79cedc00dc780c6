// Builds the embedded Zoom call (web/zoom-embed) into web/dist/zoom-embed/: one script bundled
// with that folder's own React 18, the page that loads it, and the SDK's media files (lib/av),
// so the SDK loads nothing from Zoom's CDN. Run after the web app's build, which empties web/dist.
//
// `node scripts/build-zoom-embed.mjs` exits 0 with a notice when web/zoom-embed is not installed:
// the studio then shows the call as unavailable in the page.
import { copyFileSync, existsSync, linkSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
export const embedDir = join(root, "web", "zoom-embed");
export const embedOut = join(root, "web", "dist", "zoom-embed");
const sdkDir = join(embedDir, "node_modules", "@zoom", "meetingsdk");
const BASE = "/zoom-embed/";

export function zoomEmbedInstalled() {
  return existsSync(join(sdkDir, "package.json")) && existsSync(join(embedDir, "node_modules", "react", "package.json"));
}

/** Hard links when the folders share a disk (no second copy of ~60 MB), a copy otherwise. */
function linkTree(from, to) {
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(from)) {
    const src = join(from, entry);
    const dest = join(to, entry);
    if (statSync(src).isDirectory()) {
      linkTree(src, dest);
      continue;
    }
    try {
      linkSync(src, dest);
    } catch {
      copyFileSync(src, dest);
    }
  }
}

function page(script) {
  // The parent page talks to this one with postMessage; opened on its own it only says so.
  return `<!doctype html>
<html lang="en" dir="ltr">
  <head>
    <meta charset="UTF-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <meta name="robots" content="noindex" />
    <title>Zoom call</title>
    <style>
      html, body { margin: 0; height: 100%; background: #1c1917; color: #f5f5f4; font: 14px system-ui, sans-serif; }
      #zoom-root { width: 100%; height: 100%; }
      #standalone { display: none; padding: 1rem; }
    </style>
    <script type="module" src="${BASE}${script}"></script>
  </head>
  <body>
    <div id="zoom-root"></div>
    <p id="standalone">This page opens inside a session of the studio.</p>
  </body>
</html>
`;
}

/** Builds the page; returns "built", or "not-installed" when web/zoom-embed has no node_modules. */
export async function buildZoomEmbed({ logLevel = "warn" } = {}) {
  if (!zoomEmbedInstalled()) return "not-installed";
  const { build } = await import("vite");
  rmSync(embedOut, { recursive: true, force: true });
  // No HTML entry inside web/: the web app's dev server would crawl it and pre-bundle this
  // folder's React 18 with the app's. The page is written below from the manifest instead.
  await build({
    configFile: false,
    root: embedDir,
    base: BASE,
    logLevel,
    publicDir: false,
    build: {
      outDir: embedOut,
      emptyOutDir: true,
      target: "es2022",
      manifest: true,
      // The SDK is one 3 MB file; it only loads when someone opens the call.
      chunkSizeWarningLimit: 4000,
      rolldownOptions: { input: { call: join(embedDir, "src", "main.ts") } },
    },
  });
  const manifest = JSON.parse(readFileSync(join(embedOut, ".vite", "manifest.json"), "utf8"));
  const entry = Object.values(manifest).find((m) => m.isEntry);
  if (!entry) throw new Error("The Zoom embed build has no entry script.");
  writeFileSync(join(embedOut, "index.html"), page(entry.file));
  rmSync(join(embedOut, ".vite"), { recursive: true, force: true });
  linkTree(join(sdkDir, "dist", "lib", "av"), join(embedOut, "lib", "av"));
  return "built";
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const started = Date.now();
  try {
    const result = await buildZoomEmbed({ logLevel: "info" });
    if (result === "not-installed") {
      process.stdout.write("web/zoom-embed is not installed (npm ci --prefix web/zoom-embed): the embedded Zoom call is left out of this build.\n");
    } else {
      process.stdout.write(`Built the embedded Zoom call into web/dist/zoom-embed in ${((Date.now() - started) / 1000).toFixed(1)} s.\n`);
    }
  } catch (err) {
    process.stderr.write(`The embedded Zoom call could not be built: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  }
}
