import { describe, expect, it, vi } from "vitest";
import { addOwnLine, COACH_TEXT_MAX, hasCoachInbox, KEEP_OWN_LINES, lastFinished, openCoachInbox, sendToCoach, textForCoach, watchCoachInboxes, type OwnLine } from "./toCoach";

let n = 0;
const line = (text: string, final = true): OwnLine => ({ key: `k${++n}`, text, final, at: n });

describe("my own caption lines", () => {
  it("keeps finished phrases and lets new unfinished words replace the previous ones", () => {
    let lines: OwnLine[] = [];
    lines = addOwnLine(lines, line("I have been", false));
    lines = addOwnLine(lines, line("I have been thinking", false));
    expect(lines.map((l) => l.text)).toEqual(["I have been thinking"]);
    lines = addOwnLine(lines, line("I have been thinking about a new start"));
    lines = addOwnLine(lines, line("at work", false));
    expect(lines.map((l) => [l.text, l.final])).toEqual([
      ["I have been thinking about a new start", true],
      ["at work", false],
    ]);
    lines = addOwnLine(lines, line("at work and at home"));
    expect(lines.map((l) => l.text)).toEqual(["I have been thinking about a new start", "at work and at home"]);
  });

  it("forgets the oldest finished phrases beyond what it keeps", () => {
    let lines: OwnLine[] = [];
    for (let i = 1; i <= KEEP_OWN_LINES + 5; i++) lines = addOwnLine(lines, line(`phrase ${i}`));
    lines = addOwnLine(lines, line("still speaking", false));
    expect(lines.filter((l) => l.final)).toHaveLength(KEEP_OWN_LINES);
    expect(lines[0].text).toBe("phrase 6");
    expect(lines.at(-1)?.text).toBe("still speaking");
  });

  it("gathers my last n finished phrases, oldest first, without words still being spoken", () => {
    const lines = [line("one"), line("two"), line("  "), line("three"), line("four", false)];
    expect(lastFinished(lines, 2).map((l) => l.text)).toEqual(["two", "three"]);
    expect(lastFinished(lines, 10).map((l) => l.text)).toEqual(["one", "two", "three"]);
    expect(lastFinished(lines, 0)).toEqual([]);
    expect(lastFinished([line("only unfinished", false)], 3)).toEqual([]);
  });

  it("puts phrases on their own lines and drops the oldest ones past the coach's limit", () => {
    expect(textForCoach([{ text: " a new start " }, { text: "" }, { text: "at work" }])).toBe("a new start\nat work");
    const long = "x".repeat(COACH_TEXT_MAX - 10);
    expect(textForCoach([{ text: "the oldest words" }, { text: long }, { text: "newest" }])).toBe(`${long}\nnewest`);
    const tooLong = textForCoach([{ text: `${"y".repeat(COACH_TEXT_MAX)} end` }]);
    expect(tooLong).toHaveLength(COACH_TEXT_MAX);
    expect(tooLong.endsWith(" end")).toBe(true);
  });
});

describe("the hand-off to my private coach", () => {
  const dana = { sessionId: "s1", participantId: "p-dana" };
  const eli = { sessionId: "s1", participantId: "p-eli" };

  it("reaches only the coach panel of the same person in the same session, and only while it is open", () => {
    const received: string[] = [];
    const watcher = vi.fn();
    const stopWatching = watchCoachInboxes(watcher);
    expect(hasCoachInbox(dana)).toBe(false);
    expect(sendToCoach(dana, "hello")).toBe(false);

    const close = openCoachInbox(dana, (text) => received.push(text));
    expect(watcher).toHaveBeenCalledTimes(1);
    expect(hasCoachInbox(dana)).toBe(true);
    expect(hasCoachInbox(eli)).toBe(false);
    expect(hasCoachInbox({ sessionId: "s2", participantId: "p-dana" })).toBe(false);

    expect(sendToCoach(eli, "not mine")).toBe(false);
    expect(sendToCoach(dana, "   ")).toBe(false);
    expect(sendToCoach(dana, " a new start ")).toBe(true);
    expect(received).toEqual(["a new start"]);

    close();
    expect(watcher).toHaveBeenCalledTimes(2);
    expect(hasCoachInbox(dana)).toBe(false);
    expect(sendToCoach(dana, "after closing")).toBe(false);
    expect(received).toEqual(["a new start"]);
    stopWatching();
  });

  it("a panel that closes late does not close the inbox of the panel that replaced it", () => {
    const first: string[] = [];
    const second: string[] = [];
    const closeFirst = openCoachInbox(dana, (t) => first.push(t));
    const closeSecond = openCoachInbox(dana, (t) => second.push(t));
    closeFirst();
    expect(sendToCoach(dana, "still there")).toBe(true);
    expect(second).toEqual(["still there"]);
    expect(first).toEqual([]);
    closeSecond();
  });
});
