import { defineConfig } from "vitest/config";

// Two projects: Node-side code (domain, server, content) against real databases,
// and the web app in jsdom. One migrated database template is made per run.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "node",
          environment: "node",
          include: ["domain/**/*.test.ts", "server/**/*.test.ts", "content/**/*.test.ts", "scripts/**/*.test.ts"],
          globalSetup: ["server/test/global-setup.ts"],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          pool: "forks",
        },
      },
      {
        test: {
          name: "web",
          environment: "jsdom",
          include: ["web/**/*.test.{ts,tsx}"],
          testTimeout: 20_000,
        },
      },
    ],
    coverage: {
      provider: "v8",
      include: ["domain/**/*.ts", "server/**/*.ts"],
      exclude: ["**/*.test.ts", "server/test/**", "server/db/migrations/**", "server/main.ts"],
      reporter: ["text-summary", "json-summary"],
      thresholds: { lines: 85 },
    },
  },
});
