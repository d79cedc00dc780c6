import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Fastify from "fastify";
import { afterEach, describe, expect, it } from "vitest";
import { installWeb, ZOOM_EMBED_CSP } from "./web";

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function webBuild({ zoomEmbed }: { zoomEmbed: boolean }) {
  const dist = mkdtempSync(join(tmpdir(), "pyou-web-"));
  dirs.push(dist);
  mkdirSync(join(dist, "assets"));
  writeFileSync(join(dist, "index.html"), "<!doctype html><title>studio</title>");
  writeFileSync(join(dist, "assets", "app-abc.js"), "export {};");
  if (zoomEmbed) {
    mkdirSync(join(dist, "zoom-embed", "assets"), { recursive: true });
    mkdirSync(join(dist, "zoom-embed", "lib", "av"), { recursive: true });
    writeFileSync(join(dist, "zoom-embed", "index.html"), "<!doctype html><title>Zoom call</title>");
    writeFileSync(join(dist, "zoom-embed", "assets", "call-abc.js"), "export {};");
    writeFileSync(join(dist, "zoom-embed", "lib", "av", "js_media.min.js"), "void 0;");
  }
  return dist;
}

async function serve(dist: string) {
  const app = Fastify();
  await installWeb(app, dist);
  await app.ready();
  return app;
}

describe("serving the embedded Zoom call's page", () => {
  it("gives the call's files their own policy: Zoom's servers reachable, framed only by the studio", async () => {
    const app = await serve(webBuild({ zoomEmbed: true }));
    const page = await app.inject({ method: "GET", url: "/zoom-embed/index.html" });
    expect(page.statusCode).toBe(200);
    expect(page.headers["content-type"]).toContain("text/html");
    expect(page.headers["content-security-policy"]).toBe(ZOOM_EMBED_CSP);
    expect(page.headers["cache-control"]).toBe("no-cache");
    expect(ZOOM_EMBED_CSP).toContain("frame-ancestors 'self'");
    expect(ZOOM_EMBED_CSP).toMatch(/connect-src [^;]*wss:\/\/\*\.zoom\.us/);

    const head = await app.inject({ method: "HEAD", url: "/zoom-embed/index.html" });
    expect(head.statusCode).toBe(200);

    const script = await app.inject({ method: "GET", url: "/zoom-embed/assets/call-abc.js" });
    expect(script.headers["cache-control"]).toContain("immutable");
    expect(script.headers["content-security-policy"]).toBe(ZOOM_EMBED_CSP);
    const media = await app.inject({ method: "GET", url: "/zoom-embed/lib/av/js_media.min.js" });
    expect(media.statusCode).toBe(200);
    expect(media.headers["cache-control"]).toBe("no-cache");

    // The studio's own files keep the app's policy (set elsewhere), never the call's.
    const appScript = await app.inject({ method: "GET", url: "/assets/app-abc.js" });
    expect(appScript.headers["content-security-policy"]).toBeUndefined();
    const studio = await app.inject({ method: "GET", url: "/sessions/123" });
    expect(studio.statusCode).toBe(200);
    expect(studio.headers["content-security-policy"]).toBeUndefined();
    await app.close();
  });

  it("answers 404 for the call's page when it was not built, so the studio shows the call as unavailable", async () => {
    const app = await serve(webBuild({ zoomEmbed: false }));
    const page = await app.inject({ method: "HEAD", url: "/zoom-embed/index.html" });
    expect(page.statusCode).toBe(404);
    expect((await app.inject({ method: "GET", url: "/sessions/123" })).statusCode).toBe(200);
    await app.close();
  });
});
