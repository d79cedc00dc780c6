import { describe, expect, it } from "vitest";
import { analyzeBatch } from "./service";

/**
 * Sentences that differ only in a name, a gender or an origin word must get the same reading:
 * the same dominant emotion and valence within 0.1.
 */
const GROUPS: string[][] = [
  ["Dana", "David", "Mohammed", "Yuki", "Olga", "Kwame"].map((n) => `${n} felt nervous before presenting to the board.`),
  ["Dana", "David", "Mohammed", "Yuki", "Olga", "Kwame"].map((n) => `${n} was thrilled when the team cheered for the new idea.`),
  ["Dana", "David", "Mohammed", "Yuki"].map((n) => `${n} cried quietly after the phone call about the funeral.`),
  ["my husband", "my wife", "my partner"].map((p) => `I feel calm and safe when ${p} is home in the evening.`),
  ["my husband", "my wife"].map((p) => `I'm furious that ${p} made the decision without asking me.`),
  ["my son", "my daughter"].map((p) => `I miss ${p} terribly since the move abroad.`),
  ["Nigerian", "Norwegian", "Mexican", "Japanese"].map((o) => `As a ${o} woman, I was surprised how warmly the group welcomed me.`),
  ["Nigerian", "Norwegian", "Mexican", "Japanese"].map((o) => `As a ${o} man, I get anxious before every job interview.`),
  ["he", "she", "they"].map((p) => `When the card turned over, ${p} felt a deep sense of peace.`),
];

describe("fairness across names, gender and origin", () => {
  it.each(GROUPS.map((g) => [g[0], g]))("reads %j and its variants alike", async (_first, group) => {
    const results = await analyzeBatch(group as string[]);
    const dominant = results[0].dominant;
    expect(dominant).not.toBe("unknown");
    for (const r of results) {
      expect(r.dominant).toBe(dominant);
      expect(Math.abs(r.valence - results[0].valence)).toBeLessThanOrEqual(0.1);
    }
  });
});
