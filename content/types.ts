import type { SceneName } from "./art/render";
import type { PaletteName } from "./art/palettes";

/** Prompts for every phase, in order: pause, expand, focus, do. */
export type FourPrompts = readonly [pause: string, expand: string, focus: string, act: string];

/** A default photo card as authored: its picture is generated from scene and palette. */
export interface PhotoCardSource {
  word: string;
  scene: SceneName;
  palette: PaletteName;
  /** What the picture shows, concretely; search and the coach read it. */
  description: string;
  alt: string;
  prompts: FourPrompts;
  tags: readonly string[];
  /** 3 to 5 short phrases naming situations or inner states this card speaks to, in a client's own words. */
  situations: readonly string[];
}

export interface WordCardSource {
  word: string;
  /** One line on what the word can open up. */
  meaning: string;
  prompts: FourPrompts;
  tags: readonly string[];
  /** 3 to 5 short phrases naming situations or inner states this card speaks to, in a client's own words. */
  situations: readonly string[];
}

export interface QuestionCardSource {
  /** A short title for the question. */
  title: string;
  question: string;
  tags: readonly string[];
  /** 3 to 5 short phrases naming situations or inner states this card speaks to, in a client's own words. */
  situations: readonly string[];
}
