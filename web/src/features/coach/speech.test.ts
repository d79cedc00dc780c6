import { afterEach, describe, expect, it } from "vitest";
import { DEFAULT_SPEECH, readSpeechSettings, recognitionConstructor, saveSpeechSettings, voicesFor } from "./speech";

const voice = (name: string, lang: string) => ({ name, lang, voiceURI: name, default: false, localService: true }) as SpeechSynthesisVoice;

describe("speech settings", () => {
  afterEach(() => localStorage.clear());

  it("are off by default and survive a reload", () => {
    expect(readSpeechSettings()).toEqual(DEFAULT_SPEECH);
    expect(DEFAULT_SPEECH.speak).toBe(false);
    saveSpeechSettings({ speak: true, voiceURI: "Carmit", rate: 1.3 });
    expect(readSpeechSettings()).toEqual({ speak: true, voiceURI: "Carmit", rate: 1.3 });
  });

  it("keep the speed within bounds and ignore what is not a setting", () => {
    localStorage.setItem("pyou.coach.speech", JSON.stringify({ speak: "yes", rate: 9 }));
    expect(readSpeechSettings()).toEqual({ speak: false, voiceURI: null, rate: 2 });
    localStorage.setItem("pyou.coach.speech", "{not json");
    expect(readSpeechSettings()).toEqual(DEFAULT_SPEECH);
  });
});

describe("voices", () => {
  it("offers the conversation's language first, Hebrew under either code", () => {
    const all = [voice("Alex", "en-US"), voice("Carmit", "he-IL"), voice("Old", "iw_IL"), voice("Monica", "es-ES")];
    expect(voicesFor(all, "he").map((v) => v.name)).toEqual(["Carmit", "Old", "Alex", "Monica"]);
    expect(voicesFor(all, "es").map((v) => v.name)[0]).toBe("Monica");
  });
});

describe("dictation", () => {
  it("uses the standard or the prefixed recognition, and reports none when the browser has neither", () => {
    class Standard {}
    class Prefixed {}
    expect(recognitionConstructor({ SpeechRecognition: Standard, webkitSpeechRecognition: Prefixed })).toBe(Standard);
    expect(recognitionConstructor({ webkitSpeechRecognition: Prefixed })).toBe(Prefixed);
    expect(recognitionConstructor({})).toBeNull();
  });
});
