// Palettes are named moods rather than colour sets: a card asks for "dusk" or "mist",
// and every scene knows which slot to paint its sky, land layers and silhouettes with.

export interface Palette {
  /** Sky from top to horizon. */
  sky: readonly [string, string, string];
  /** Sun, moon and window light. */
  glow: string;
  /** Land layers from far (hazy) to near (dark). */
  far: string;
  mid: string;
  near: string;
  /** Water from surface to depth. */
  water: readonly [string, string];
  /** Silhouettes and line work. */
  ink: string;
  /** A single warm or cool note that makes the print sing. */
  accent: string;
  /** Highlights, shimmer and mist. */
  light: string;
  /** Night palettes get stars and a moon instead of a sun. */
  night: boolean;
}

export const PALETTES = {
  dawn: { sky: ["#2f3e66", "#c97b84", "#f6c9a0"], glow: "#ffe3b0", far: "#8a6f8f", mid: "#5c4a6e", near: "#2e2540", water: ["#c98f94", "#3d3556"], ink: "#1e1a2b", accent: "#f2a365", light: "#fff3d6", night: false },
  meadow: { sky: ["#8ec5e8", "#c6e3f0", "#eef6ee"], glow: "#fff6d8", far: "#9cc3b0", mid: "#6f9f7e", near: "#3f6b4e", water: ["#a7d3e0", "#4f8aa3"], ink: "#23392c", accent: "#f4d35e", light: "#ffffff", night: false },
  dusk: { sky: ["#1d2b53", "#7e4a7a", "#f08a5d"], glow: "#ffd29d", far: "#6b3f69", mid: "#43294f", near: "#24182e", water: ["#b5607a", "#241a3a"], ink: "#140e1c", accent: "#ff9f68", light: "#ffe0b8", night: false },
  midnight: { sky: ["#070b1f", "#16244a", "#2d4373"], glow: "#f4f1de", far: "#1f3157", mid: "#15223f", near: "#0b1328", water: ["#1c2d55", "#070b1f"], ink: "#04070f", accent: "#c9d6ff", light: "#fdf6e3", night: true },
  mist: { sky: ["#c3ced3", "#e3e7e6", "#f4f1ea"], glow: "#ffffff", far: "#b5c0c4", mid: "#8f9ca3", near: "#5f6d75", water: ["#d5dde0", "#9aa8ae"], ink: "#3a444a", accent: "#c7a27c", light: "#ffffff", night: false },
  sage: { sky: ["#cfdcc6", "#eef0e2", "#f7f3e8"], glow: "#fff9e6", far: "#b7c9a8", mid: "#8fa886", near: "#5d7a5a", water: ["#c6d8cf", "#7fa096"], ink: "#33462f", accent: "#d98c5f", light: "#fffdf5", night: false },
  ocean: { sky: ["#0f4c75", "#3282b8", "#bbe1fa"], glow: "#fef9e7", far: "#5c8fb0", mid: "#2f6690", near: "#163d5c", water: ["#3a7ca5", "#0b2e4a"], ink: "#0a2236", accent: "#f6c667", light: "#e8f6ff", night: false },
  desert: { sky: ["#f9e4c8", "#f4c28e", "#e8956b"], glow: "#fff1d0", far: "#e2a071", mid: "#c7744d", near: "#8f4a32", water: ["#e9b48c", "#a8654a"], ink: "#4a2418", accent: "#6b8f71", light: "#fff6e6", night: false },
  autumn: { sky: ["#f3e0c7", "#e9b98a", "#d4845a"], glow: "#fff0d6", far: "#c98e5a", mid: "#a35d3a", near: "#6b3626", water: ["#d9a47e", "#7d4a35"], ink: "#3b1d14", accent: "#b83b2e", light: "#fff5e8", night: false },
  winter: { sky: ["#c9dbe8", "#eef4f7", "#ffffff"], glow: "#fffdf7", far: "#b8cbd8", mid: "#8aa4b8", near: "#56718a", water: ["#cfe0ea", "#7c98ad"], ink: "#2b3d4f", accent: "#d66a6a", light: "#ffffff", night: false },
  rose: { sky: ["#f3c4cb", "#f6e1d3", "#fdf1e7"], glow: "#fff7f0", far: "#e5b3bb", mid: "#c98a9b", near: "#8e5a72", water: ["#f0c6cc", "#b07a8c"], ink: "#4b2c3c", accent: "#e76f51", light: "#ffffff", night: false },
  forest: { sky: ["#1b4332", "#40916c", "#b7e4c7"], glow: "#f1faee", far: "#52796f", mid: "#2d6a4f", near: "#143628", water: ["#74a892", "#1b4332"], ink: "#0b2016", accent: "#f4a261", light: "#f6fff8", night: false },
  storm: { sky: ["#2b2d42", "#5c677d", "#8d99ae"], glow: "#edf2f4", far: "#6c7689", mid: "#4a5266", near: "#2b2f3d", water: ["#6e7a8f", "#23283a"], ink: "#15171f", accent: "#ef8354", light: "#edf2f4", night: false },
  lavender: { sky: ["#a9a4d8", "#d9c8e8", "#f6e6ee"], glow: "#fffaf0", far: "#a59bc9", mid: "#7d72a8", near: "#4f4677", water: ["#c8bfe3", "#6d6399"], ink: "#2c2645", accent: "#f4b860", light: "#fffdf8", night: false },
  ember: { sky: ["#3a0f2e", "#a23b49", "#f5a25d"], glow: "#ffe8a3", far: "#8c3a4a", mid: "#5e2239", near: "#2e1020", water: ["#c0565a", "#3a0f2e"], ink: "#1a0812", accent: "#ffd166", light: "#fff1d0", night: false },
  aurora: { sky: ["#061a2b", "#0e4a5a", "#3fa38a"], glow: "#e9fff4", far: "#1c5a66", mid: "#0f3a48", near: "#06202b", water: ["#1b6a72", "#041520"], ink: "#020c12", accent: "#a6f0c6", light: "#e9fff4", night: true },
} as const satisfies Record<string, Palette>;

export type PaletteName = keyof typeof PALETTES;
export const PALETTE_NAMES = Object.keys(PALETTES) as PaletteName[];
