import type { AppContext } from "../context";
import { commitmentRepository } from "./repository";

const EVERY_MS = 60_000;

/**
 * Sends the reminders that are due: an in-app notification always, and an email when SMTP is
 * configured. Returns how many commitments were reminded. Safe to run on several nodes at once.
 */
export async function sendDueReminders(ctx: AppContext, now = new Date()): Promise<{ reminded: number; emailed: number }> {
  const repo = commitmentRepository(ctx.database.db);
  const due = await repo.claimDue(now);
  let emailed = 0;
  for (const c of due) {
    const to = await repo.recipient(c);
    if (!to) continue;
    await repo.notify(to.userId, "commitment_due", { commitmentId: c.id, text: c.text, dueAt: c.dueAt?.toISOString() ?? null });
    if (ctx.mailer.enabled) {
      const link = ctx.config.publicUrl ? `\n\nOpen your commitments: ${ctx.config.publicUrl}/commitments` : "";
      const sent = await ctx.mailer.send({
        to: to.email,
        subject: "A reminder of the step you chose",
        text: `Hello ${to.name},\n\nYou chose this step: "${c.text}".\n\nHow did it go? You can mark it done, give it a new date, or reflect on it with the coach.${link}\n`,
      });
      if (sent) emailed += 1;
    }
  }
  return { reminded: due.length, emailed };
}

/** Checks for due commitments every minute; stops with the app. Tests call `sendDueReminders` directly. */
export function startReminderJob(ctx: AppContext): void {
  if (ctx.config.env === "test") return;
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    sendDueReminders(ctx)
      .catch((err: unknown) => ctx.log.warn({ err }, "commitment reminders failed; will retry"))
      .finally(() => (running = false));
  }, EVERY_MS);
  timer.unref();
  ctx.onClose(() => clearInterval(timer));
}
