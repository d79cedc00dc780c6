import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { defineConfig } from "@playwright/test";

const port = Number(process.env.E2E_PORT ?? 3100);
// A local fake of Zoom's API (server/integrations/zoom/fake.ts) for the Zoom browser tests.
const zoomPort = Number(process.env.E2E_ZOOM_PORT ?? port + 1000);
// The config is loaded by the runner and by each worker; the environment carries one
// fresh data folder to all of them so the server and the tests agree.
process.env.E2E_DATA_DIR ??= mkdtempSync(join(tmpdir(), "pyou-e2e-"));

export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export default defineConfig({
  testDir: "e2e",
  testMatch: "**/*.e2e.ts",
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    browserName: "chromium",
    // Debian's Chromium: the project never downloads a browser of its own.
    launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: CHROMIUM_ARGS },
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
  },
  webServer: [
    {
      command: `npx tsx server/integrations/zoom/fake-main.ts ${zoomPort}`,
      port: zoomPort,
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: "ignore",
      stderr: "pipe",
    },
    {
      command: "npm start",
      url: `http://127.0.0.1:${port}/api/health`,
      reuseExistingServer: false,
      timeout: 180_000,
      env: {
        PORT: String(port),
        HOST: "127.0.0.1",
        DATA_DIR: process.env.E2E_DATA_DIR,
        ZOOM_API_URL: `http://127.0.0.1:${zoomPort}/v2`,
        ZOOM_OAUTH_URL: `http://127.0.0.1:${zoomPort}/oauth/token`,
      },
      stdout: "ignore",
      stderr: "pipe",
    },
  ],
});
