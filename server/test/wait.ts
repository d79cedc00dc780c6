/** Polls `check` until it holds, failing with what was awaited after `ms` (tests only). */
export async function waitFor(check: () => boolean | Promise<boolean>, what = "a condition", ms = 5_000, everyMs = 10): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
