import { hash32, seededRandom } from "../ids";
import type { Palette } from "./palettes";

export const W = 300;
export const H = 400;

/** Coordinates are rounded to one decimal: invisible at card size, and it keeps files small. */
export const n = (v: number) => String(Math.round(v * 10) / 10);

/**
 * What a scene draws with. Ids are prefixed per render because several cards may be
 * inlined into one HTML page, where gradient ids would otherwise collide.
 */
export class Canvas {
  readonly rand: () => number;
  readonly defs: string[] = [];
  private readonly prefix: string;
  private counter = 0;

  constructor(seed: string, readonly p: Palette) {
    const h = hash32(seed, 7);
    this.rand = seededRandom(h);
    this.prefix = `k${h.toString(36)}`;
  }

  between(a: number, b: number): number {
    return a + (b - a) * this.rand();
  }

  chance(probability: number): boolean {
    return this.rand() < probability;
  }

  /** Registers a definition and returns its fresh id. */
  define(build: (id: string) => string): string {
    const id = `${this.prefix}${(this.counter++).toString(36)}`;
    this.defs.push(build(id));
    return id;
  }

  /** A vertical (or, with horizontal, left-to-right) gradient through evenly spaced colours. */
  linear(colors: readonly string[], opacities?: readonly number[], horizontal = false): string {
    return this.define((id) => {
      const stops = colors
        .map((c, i) => {
          const o = opacities?.[i];
          return `<stop offset="${n(colors.length === 1 ? 0 : i / (colors.length - 1))}" stop-color="${c}"${o === undefined ? "" : ` stop-opacity="${o}"`}/>`;
        })
        .join("");
      const dir = horizontal ? `x2="1" y2="0"` : `x2="0" y2="1"`;
      return `<linearGradient id="${id}" x1="0" y1="0" ${dir}>${stops}</linearGradient>`;
    });
  }

  /** A soft radial glow fading from colour to transparent. */
  radial(color: string, opacity = 1): string {
    return this.define(
      (id) =>
        `<radialGradient id="${id}"><stop offset="0" stop-color="${color}" stop-opacity="${opacity}"/><stop offset="1" stop-color="${color}" stop-opacity="0"/></radialGradient>`,
    );
  }
}

export const fill = (id: string) => `url(#${id})`;

// ---- Shared layers -------------------------------------------------------------------

export function sky(c: Canvas, horizon = H): string {
  return `<rect width="${W}" height="${n(horizon)}" fill="${fill(c.linear(c.p.sky))}"/>`;
}

export function sun(c: Canvas, x: number, y: number, r: number): string {
  const g = c.radial(c.p.glow, 0.7);
  return `<circle cx="${n(x)}" cy="${n(y)}" r="${n(r * 3.2)}" fill="${fill(g)}"/><circle cx="${n(x)}" cy="${n(y)}" r="${n(r)}" fill="${c.p.glow}"/>`;
}

export function moon(c: Canvas, x: number, y: number, r: number): string {
  const g = c.radial(c.p.glow, 0.35);
  const m = c.define(
    (id) => `<mask id="${id}"><circle cx="${n(x)}" cy="${n(y)}" r="${n(r)}" fill="#fff"/><circle cx="${n(x + r * 0.45)}" cy="${n(y - r * 0.2)}" r="${n(r * 0.9)}" fill="#000"/></mask>`,
  );
  return `<circle cx="${n(x)}" cy="${n(y)}" r="${n(r * 3)}" fill="${fill(g)}"/><circle cx="${n(x)}" cy="${n(y)}" r="${n(r)}" fill="${c.p.glow}" mask="${fill(m)}"/>`;
}

export function stars(c: Canvas, count: number, maxY: number): string {
  const dots = (k: number) => {
    let d = "";
    for (let i = 0; i < k; i++) d += `M${n(c.between(4, W - 4))} ${n(c.between(4, maxY))}h0`;
    return d;
  };
  return `<path d="${dots(count)}" stroke="${c.p.light}" stroke-width="1.2" stroke-linecap="round" opacity=".7"/><path d="${dots(Math.ceil(count / 4))}" stroke="${c.p.light}" stroke-width="2.2" stroke-linecap="round" opacity=".9"/>`;
}

/** The sky's light source: a moon among stars for night palettes, a sun otherwise. */
export function light(c: Canvas, x: number, y: number, r: number): string {
  return c.p.night ? stars(c, 36, y + 60) + moon(c, x, y, r * 0.8) : sun(c, x, y, r);
}

export interface RidgeOptions {
  /** Height of the ridge's variation. */
  amp: number;
  /** 0 gives rolling hills, 1 gives jagged peaks. */
  rough?: number;
  points?: number;
}

/** A land layer whose top edge wanders around baseY, filled down to the bottom edge. */
export function ridge(c: Canvas, baseY: number, color: string, o: RidgeOptions): string {
  const pts = o.points ?? 28;
  const rough = o.rough ?? 0.2;
  const f1 = c.between(1, 2.4);
  const f2 = c.between(2.5, 5);
  const ph1 = c.between(0, 6.28);
  const ph2 = c.between(0, 6.28);
  let d = `M0 ${H}`;
  for (let i = 0; i <= pts; i++) {
    const t = i / pts;
    const smooth = Math.sin(t * f1 * Math.PI + ph1) * 0.65 + Math.sin(t * f2 * Math.PI + ph2) * 0.35;
    const jag = (c.rand() - 0.5) * rough;
    d += `L${n(t * W)} ${n(baseY - (smooth + jag) * o.amp)}`;
  }
  return `<path d="${d}L${W} ${H}Z" fill="${color}"/>`;
}

/** Three receding land layers, lighter with distance, the way haze works. */
export function landscape(c: Canvas, horizon: number, rough = 0.2): string {
  return (
    ridge(c, horizon - 20, c.p.far, { amp: 34, rough: rough * 1.5 }) +
    ridge(c, horizon + 30, c.p.mid, { amp: 24, rough }) +
    ridge(c, horizon + 95, c.p.near, { amp: 16, rough: rough * 0.5 })
  );
}

export function water(c: Canvas, top: number): string {
  const g = c.linear([c.p.water[0], c.p.water[1]]);
  let shimmer = "";
  for (let i = 0; i < 14; i++) {
    const y = c.between(top + 4, H - 10);
    const x = c.between(20, W - 60);
    shimmer += `M${n(x)} ${n(y)}h${n(c.between(12, 50) * (0.4 + (y - top) / (H - top)))}`;
  }
  return `<rect y="${n(top)}" width="${W}" height="${n(H - top)}" fill="${fill(g)}"/><path d="${shimmer}" stroke="${c.p.light}" stroke-width="1.2" stroke-linecap="round" opacity=".35"/>`;
}

/** A vertical light path on water below the sun or moon. */
export function glitter(c: Canvas, x: number, top: number): string {
  let d = "";
  for (let y = top + 3; y < H; y += c.between(5, 9)) {
    const w = 6 + (y - top) * 0.12 * c.between(0.5, 1.4);
    d += `M${n(x - w / 2 + c.between(-4, 4))} ${n(y)}h${n(w)}`;
  }
  return `<path d="${d}" stroke="${c.p.glow}" stroke-width="1.6" stroke-linecap="round" opacity=".6"/>`;
}

export function fog(c: Canvas, top: number, bottom: number, strength = 0.8): string {
  const g = c.linear([c.p.light, c.p.light, c.p.light], [0, strength, 0]);
  return `<rect y="${n(top)}" width="${W}" height="${n(bottom - top)}" fill="${fill(g)}"/>`;
}

/** A paper grain and soft vignette, so flat vector shapes read like a printed picture. */
export function finish(c: Canvas): string {
  const grain = c.define(
    (id) =>
      `<filter id="${id}" x="0" y="0" width="100%" height="100%"><feTurbulence type="fractalNoise" baseFrequency=".9" numOctaves="2" seed="${Math.floor(c.between(1, 99))}"/><feColorMatrix type="saturate" values="0"/></filter>`,
  );
  const vignette = c.define(
    (id) =>
      `<radialGradient id="${id}" r=".75"><stop offset=".55" stop-color="${c.p.ink}" stop-opacity="0"/><stop offset="1" stop-color="${c.p.ink}" stop-opacity=".35"/></radialGradient>`,
  );
  return `<rect width="${W}" height="${H}" filter="${fill(grain)}" opacity=".09"/><rect width="${W}" height="${H}" fill="${fill(vignette)}"/>`;
}

/** The outline of an evergreen, as path data so many trees can share one element. */
export function evergreen(x: number, base: number, h: number): string {
  // Whole pixels: forests repeat this shape dozens of times and the decimals cost kilobytes.
  const r = Math.round;
  const w = h * 0.32;
  return `M${r(x)} ${r(base - h)}L${r(x + w * 0.55)} ${r(base - h * 0.45)}H${r(x + w * 0.3)}L${r(x + w)} ${r(base)}H${r(x - w)}L${r(x - w * 0.3)} ${r(base - h * 0.45)}H${r(x - w * 0.55)}Z`;
}

/** A single evergreen or round tree silhouette, used by several scenes. */
export function tree(x: number, base: number, h: number, color: string, round = false): string {
  if (round) {
    return `<path d="M${n(x - h * 0.03)} ${n(base)}h${n(h * 0.06)}v${n(-h * 0.45)}h${n(-h * 0.06)}Z" fill="${color}"/><ellipse cx="${n(x)}" cy="${n(base - h * 0.62)}" rx="${n(h * 0.3)}" ry="${n(h * 0.38)}" fill="${color}"/>`;
  }
  return `<path d="${evergreen(x, base, h)}" fill="${color}"/>`;
}
