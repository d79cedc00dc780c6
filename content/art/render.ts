import { hash32 } from "../ids";
import { Canvas, H, W, finish } from "./canvas";
import { PALETTES, PALETTE_NAMES, type PaletteName } from "./palettes";
import * as land from "./scenes-land";
import * as sea from "./scenes-water";
import * as gate from "./scenes-thresholds";
import * as obj from "./scenes-objects";

type Scene = (c: Canvas) => string;

// Only scene functions are listed; helpers exported from the same modules stay out.
export const SCENES = {
  mountains: land.mountains,
  path: land.path,
  fogForest: land.fogForest,
  stairs: land.stairs,
  loneTree: land.loneTree,
  roots: land.roots,
  dunes: land.dunes,
  field: land.field,
  crossroads: land.crossroads,
  cairn: land.cairn,
  sprout: land.sprout,
  bench: land.bench,
  lake: sea.lake,
  waves: sea.waves,
  boat: sea.boat,
  bridge: sea.bridge,
  island: sea.island,
  lighthouse: sea.lighthouse,
  rain: sea.rain,
  footprints: sea.footprints,
  waterfall: sea.waterfall,
  ripples: sea.ripples,
  door: gate.door,
  openWindow: gate.openWindow,
  ladder: gate.ladder,
  gate: gate.gate,
  swing: gate.swing,
  balloon: gate.balloon,
  kite: gate.kite,
  birds: gate.birds,
  hands: obj.hands,
  key: obj.key,
  feather: obj.feather,
  nest: obj.nest,
  maze: obj.maze,
  threads: obj.threads,
  contours: obj.contours,
  spiral: obj.spiral,
  lantern: obj.lantern,
  candle: obj.candle,
  hourglass: obj.hourglass,
  clouds: obj.clouds,
} satisfies Record<string, Scene>;

export type SceneName = keyof typeof SCENES;
export const SCENE_NAMES = Object.keys(SCENES) as SceneName[];

/** How a card's picture is composed: which scene, in which mood. */
export interface ArtSpec {
  scene: SceneName;
  palette: PaletteName;
}

/** Any seed maps to some scene and palette, so cards without a chosen spec still get a picture. */
export function specFromSeed(seed: string): ArtSpec {
  const h = hash32(seed, 11);
  return { scene: SCENE_NAMES[h % SCENE_NAMES.length], palette: PALETTE_NAMES[(h >>> 8) % PALETTE_NAMES.length] };
}

/** A standalone 3:4 SVG document; the seed varies the details within the scene. */
export function renderArt(spec: ArtSpec, seed: string): string {
  const c = new Canvas(`${seed}|${spec.scene}|${spec.palette}`, PALETTES[spec.palette]);
  const body = SCENES[spec.scene](c) + finish(c);
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}"><defs>${c.defs.join("")}</defs>${body}</svg>`;
}
