import { deflateSync } from "node:zlib";
import { expect, test, type Page } from "@playwright/test";
import { expectAccessible, openMenuIfCollapsed, signUp, uniqueEmail, watchConsole } from "./support";

// A real (tiny) PNG built here, so the upload goes through the server's image checks.
const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}
/** A 48×64 picture: a vertical gradient between two colours. */
function png(top: [number, number, number], bottom: [number, number, number]): Buffer {
  const width = 48;
  const height = 64;
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB, no interlace
  const rows: number[] = [];
  for (let y = 0; y < height; y += 1) {
    rows.push(0);
    const mix = (i: number) => Math.round(top[i] + ((bottom[i] - top[i]) * y) / (height - 1));
    for (let x = 0; x < width; x += 1) rows.push(mix(0), mix(1), mix(2));
  }
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk("IHDR", header), chunk("IDAT", deflateSync(Buffer.from(rows))), chunk("IEND", Buffer.alloc(0))]);
}

/** A situation, and the default cards about paths, doors and crossings a facilitator would lay out for it. */
const LOST_QUERY = "lost and not sure which way to go";
const LOST_WORDS = ["Fork in the Road", "Crossing Over", "Door at Night", "Open Door", "Maze", "Way Through", "Winding Path", "The Long Way", "Garden Gate", "Threshold", "Misty Forest", "Choice", "Key"];
/** The cards server/search/eval/queries.json lists for "feeling stuck at work". */
const STUCK_WORDS = ["Maze", "Way Through", "Fork in the Road", "Open Door", "Garden Gate", "Change", "Choice", "Key", "Knot", "Drifting", "Small Step", "Habit", "Pattern"];
/** Matches a result tile whose text starts with one of the words (the word comes first in a tile). */
const tileStartingWith = (words: string[]) => new RegExp(`^(${words.join("|")})(?![a-z])`);

async function openLibrary(page: Page): Promise<void> {
  await openMenuIfCollapsed(page);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Library" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Library" })).toBeVisible();
}

/** The words of the first `n` results; reloads (which searches again) when the list is not there yet. */
async function topWordsAfterReload(page: Page, n: number): Promise<string[]> {
  const links = page.getByRole("list", { name: "Search results" }).getByRole("link");
  await links.first().waitFor({ timeout: 5_000 }).catch(() => undefined);
  const words = await links.evaluateAll((els, count) => els.slice(0, count).map((el) => el.querySelector("span")?.textContent ?? ""), n);
  await page.reload();
  return words;
}

async function imageLoaded(page: Page, name: string): Promise<boolean> {
  return page.getByRole("img", { name }).first().evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0);
}

test("an owner creates a deck, uploads pictures, reorders them, finds a card by meaning and opens it", async ({ page }) => {
  test.setTimeout(120_000);
  const consoleLog = watchConsole(page);
  await signUp(page, { name: "Lena", email: uniqueEmail("lena") });
  await openLibrary(page);
  await expect(page.getByRole("link", { name: /Photo deck/ }).first()).toBeVisible();
  await expectAccessible(page, "library");

  // A new deck.
  await page.getByRole("button", { name: "New deck" }).click();
  await page.getByLabel("Deck name").fill("Team moments");
  await page.getByLabel("Kind of deck").selectOption({ label: "Photo deck" });
  await page.getByRole("button", { name: "Create deck" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Team moments" })).toBeVisible();
  await expect(page.getByText("The deck Team moments was created.")).toBeVisible();
  await expect(page.getByText("This deck has no cards yet.")).toBeVisible();
  await expectAccessible(page, "new deck");

  // Two pictures, a file that is not a picture, and a file that only claims to be one.
  await page.getByLabel("Choose pictures").setInputFiles([
    { name: "sunrise-walk.png", mimeType: "image/png", buffer: png([250, 180, 90], [60, 90, 160]) },
    { name: "quiet_harbour.png", mimeType: "image/png", buffer: png([20, 60, 110], [200, 220, 230]) },
    { name: "notes.txt", mimeType: "text/plain", buffer: Buffer.from("not a picture") },
    { name: "broken.png", mimeType: "image/png", buffer: Buffer.from("this is not really a PNG file") },
  ]);
  const files = page.getByRole("list", { name: "Pictures to add" });
  await expect(files.getByText("This file is not a PNG, JPEG or WebP picture.")).toBeVisible();
  await expect(page.getByLabel("Word for sunrise-walk.png")).toHaveValue("Sunrise walk");
  await page.getByLabel("Description of the picture (alt text) for sunrise-walk.png").fill("An orange sunrise fading into a blue sky");
  await page.getByLabel("Word for quiet_harbour.png").fill("Harbour");
  await page.getByLabel("Description of the picture (alt text) for quiet_harbour.png").fill("Deep blue water under a pale morning sky");
  await expectAccessible(page, "upload form");
  await page.getByRole("button", { name: "Add cards (3)" }).click();
  await expect(page.getByText("Added: 2. Not added: 1.")).toBeVisible({ timeout: 30_000 });
  // The server judged the fake PNG on its own; its reason is shown beside the file.
  const brokenRow = files.getByRole("listitem").filter({ hasText: "broken.png" });
  await expect(brokenRow).toContainText("Not added");
  await expect(brokenRow).toContainText(/PNG, JPEG or WebP/);

  const grid = page.getByRole("list", { name: "Cards in this deck" });
  await expect(grid.getByRole("img", { name: "An orange sunrise fading into a blue sky" })).toBeVisible();
  await expect(grid.getByRole("img", { name: "Deep blue water under a pale morning sky" })).toBeVisible();
  await expect.poll(() => imageLoaded(page, "Deep blue water under a pale morning sky")).toBe(true);
  await expect(page.getByRole("heading", { name: "Cards in this deck (2)" })).toBeVisible();
  await expectAccessible(page, "deck with cards");

  // Reorder from the keyboard: the move is announced and kept.
  await grid.getByRole("button", { name: "Move Sunrise walk later" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByText("Sunrise walk moved to position 2 of 2.")).toBeAttached();
  await expect(grid.getByRole("button", { name: "Move Sunrise walk earlier" })).toBeFocused();
  await page.reload();
  await expect(page.getByRole("list", { name: "Cards in this deck" }).getByRole("link")).toHaveText(["Harbour", "Sunrise walk"]);

  // Arrow keys move between cards in the grid.
  const links = page.getByRole("list", { name: "Cards in this deck" }).getByRole("link");
  await links.first().focus();
  await page.keyboard.press("ArrowRight");
  await expect(links.nth(1)).toBeFocused();

  // Search by meaning. Default cards are embedded in the background after the first start and
  // new cards a few seconds after they are added, so each search is retried until it is indexed.
  await openLibrary(page);
  await page.getByRole("radio", { name: "Meaning" }).check();
  await page.getByLabel("Search cards").fill(LOST_QUERY);
  await expect(page).toHaveURL(/mode=semantic/);
  const results = page.getByRole("list", { name: "Search results" });
  await expect.poll(() => topWordsAfterReload(page, 5), { timeout: 60_000, intervals: [1_000, 2_000, 3_000] }).toEqual(expect.arrayContaining([expect.stringMatching(new RegExp(`^(${LOST_WORDS.join("|")})$`))]));
  await expect(page.getByRole("status").filter({ hasText: `Cards found for "${LOST_QUERY}"` })).toBeVisible();
  await expectAccessible(page, "search results");

  // The brief's own example: none of its words is on these cards, yet relevant ones come up.
  await page.getByLabel("Search cards").fill("feeling stuck at work");
  await expect(page.getByRole("status").filter({ hasText: 'Cards found for "feeling stuck at work"' })).toBeVisible();
  await expect(results.getByRole("link").filter({ hasText: tileStartingWith(STUCK_WORDS) }).first()).toBeVisible();

  // A new card is found by meaning once indexed: narrow to the new deck and describe the picture.
  await page.getByLabel("Deck", { exact: true }).selectOption({ label: "Team moments" });
  await page.getByLabel("Search cards").fill("calm sea in the early morning");
  await expect.poll(() => topWordsAfterReload(page, 2), { timeout: 60_000, intervals: [1_000, 2_000, 3_000] }).toContain("Harbour");

  // Keyword search finds the uploaded card by its word.
  await page.getByRole("radio", { name: "Words" }).check();
  await page.getByLabel("Search cards").fill("harbour");
  await expect(results.getByRole("link", { name: /Harbour/ })).toBeVisible();

  // Card detail of a card found by meaning.
  await page.getByLabel("Deck", { exact: true }).selectOption({ label: "All decks" });
  await page.getByRole("radio", { name: "Meaning" }).check();
  await page.getByLabel("Search cards").fill(LOST_QUERY);
  const relevant = results.getByRole("link").filter({ hasText: tileStartingWith(LOST_WORDS) }).first();
  const word = (await relevant.locator("span").first().textContent()) ?? "";
  await relevant.click();
  await expect(page.getByRole("heading", { level: 1, name: word })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Questions" })).toBeVisible();
  await expect(page.getByText("Pause", { exact: true })).toBeVisible();
  await expect(page.getByRole("img").first()).toHaveAttribute("alt", /\w{3,}/);
  await expectAccessible(page, "card detail");

  expect(consoleLog.errors.filter((e) => !/status of 415/.test(e))).toEqual([]);
});

test("a default journey is copied, edited and saved; the library works on a phone", async ({ page }) => {
  const consoleLog = watchConsole(page);
  await page.setViewportSize({ width: 360, height: 740 });
  await signUp(page, { name: "Omer", email: uniqueEmail("omer") });
  await openLibrary(page);
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  expect(width).toBeLessThanOrEqual(360);

  await page.getByRole("link", { name: "Journeys" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Journeys" })).toBeVisible();
  await expectAccessible(page, "journeys");
  await page.getByRole("link", { name: /Team Retrospective/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Team Retrospective" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "1. Pause" })).toBeVisible();
  await expectAccessible(page, "journey");

  await page.getByRole("button", { name: "Copy to edit" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /^Edit / })).toBeVisible();
  await page.getByLabel("Journey name").fill("Our retrospective");
  await page.getByRole("button", { name: "Add a step to Pause" }).click();
  await page.getByRole("group", { name: "Step 1.2" }).getByLabel("Step title").fill("Breathe together");
  await page.getByRole("group", { name: "Step 1.2" }).getByLabel("For the facilitator").fill("Invite three slow breaths.");
  await page.getByRole("group", { name: "Step 1.2" }).getByLabel("For participants").fill("Breathe slowly three times.");
  await expectAccessible(page, "journey editor");
  await page.getByRole("button", { name: "Save journey" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Our retrospective" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 3, name: /Breathe together/ })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  expect(consoleLog.errors).toEqual([]);
});
