/**
 * Lighthouse (mobile) performance and accessibility for the pages a first-time visitor sees.
 *   tsx scripts/lighthouse.ts http://127.0.0.1:3000
 * Exits non-zero when a page scores below performance 90 or accessibility 95.
 */
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";

const PAGES = ["/", "/signin"];
const MIN = { performance: 90, accessibility: 95 } as const;
const CHROME_FLAGS = [
  "--headless=new",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

const base = process.argv[2];
if (!base || !/^https?:\/\//.test(base)) {
  process.stderr.write("Usage: tsx scripts/lighthouse.ts <server URL, e.g. http://127.0.0.1:3000>\n");
  process.exit(2);
}

const chrome = await chromeLauncher.launch({ chromePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", chromeFlags: CHROME_FLAGS });
let failed = false;
try {
  for (const path of PAGES) {
    const url = new URL(path, base).toString();
    // Lighthouse's defaults are the mobile profile: a mid-range phone on a throttled network.
    const measure = () =>
      lighthouse(url, { port: chrome.port, output: "json", logLevel: "error", onlyCategories: ["performance", "accessibility"], formFactor: "mobile" });
    let result = await measure();
    // A run that could not measure (no paint seen, a protocol timeout) has no score rather than a
    // low one: say so and measure again, at most twice, before counting it as a failure.
    for (let attempt = 1; attempt <= 2 && result && (result.lhr.runtimeError || result.lhr.categories.performance?.score == null); attempt++) {
      process.stdout.write(`${path.padEnd(8)} not measured (${result.lhr.runtimeError?.code ?? "no performance score"}); measuring again\n`);
      result = await measure();
    }
    if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
    const { categories, audits } = result.lhr;
    const performance = Math.round((categories.performance?.score ?? 0) * 100);
    const accessibility = Math.round((categories.accessibility?.score ?? 0) * 100);
    const metric = (id: string) => audits[id]?.displayValue ?? "?";
    process.stdout.write(
      `${path.padEnd(8)} performance ${performance}  accessibility ${accessibility}  ` +
        `(FCP ${metric("first-contentful-paint")}, LCP ${metric("largest-contentful-paint")}, TBT ${metric("total-blocking-time")}, CLS ${metric("cumulative-layout-shift")})\n`,
    );
    if (performance < MIN.performance || accessibility < MIN.accessibility) {
      failed = true;
      const weak = Object.values(audits)
        .filter((a) => a.score !== null && a.score < 0.9 && a.scoreDisplayMode !== "informative" && a.scoreDisplayMode !== "notApplicable")
        .map((a) => `  - ${a.id}: ${a.title}${a.displayValue ? ` (${a.displayValue})` : ""}`);
      process.stdout.write(`${weak.join("\n")}\n`);
    }
  }
} finally {
  chrome.kill();
}
if (failed) {
  process.stderr.write(`Below the bar: performance ${MIN.performance}, accessibility ${MIN.accessibility}.\n`);
  process.exit(1);
}
