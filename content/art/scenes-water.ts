import { Canvas, H, W, fill, fog, glitter, light, n, ridge, sky, stars, tree, water } from "./canvas";

// Water scenes: surfaces that reflect, carry and move, for cards about flow and depth.

export function lake(c: Canvas): string {
  const p = c.p;
  const shore = 235;
  const sx = c.between(80, 220);
  const clip = c.define((id) => `<clipPath id="${id}"><rect width="${W}" height="${shore}"/></clipPath>`);
  const hills = `<g clip-path="${fill(clip)}">${ridge(c, shore - 25, p.far, { amp: 40, rough: 0.8, points: 20 })}${ridge(c, shore + 5, p.mid, { amp: 18, rough: 0.4 })}</g>`;
  // The mirror image is the same hills flipped about the shoreline, faded by the water.
  return (
    sky(c, shore) +
    light(c, sx, 95, 20) +
    hills +
    water(c, shore) +
    `<g transform="matrix(1 0 0 -1 0 ${2 * shore})" opacity=".35">${hills}</g>` +
    glitter(c, sx, shore) +
    fog(c, shore - 14, shore + 14, 0.6)
  );
}

export function waves(c: Canvas): string {
  const p = c.p;
  let out = sky(c, 250) + light(c, c.between(90, 210), 120, 26);
  const colors = [p.far, p.water[0], p.mid, p.water[1], p.near];
  for (let b = 0; b < colors.length; b++) {
    const y = 225 + b * 38;
    const amp = 6 + b * 4;
    const len = 60 + b * 18;
    const ph = c.between(0, len);
    let d = `M0 ${H}V${n(y)}`;
    for (let x = -ph; x < W + len; x += len) d += `q${n(len / 4)} ${n(-amp * 2)} ${n(len / 2)} 0t${n(len / 2)} 0`;
    out += `<path d="${d}V${H}Z" fill="${colors[b]}"/><path d="M0 ${n(y + 3)}H${W}" stroke="${p.light}" stroke-width="1" opacity=".25"/>`;
  }
  return out;
}

export function boat(c: Canvas): string {
  const p = c.p;
  const horizon = 250;
  const x = c.between(110, 190);
  const sail = `M${n(x)} ${n(horizon - 8)}V${n(horizon - 80)}L${n(x + 38)} ${n(horizon - 14)}ZM${n(x - 4)} ${n(horizon - 70)}L${n(x - 30)} ${n(horizon - 14)}H${n(x - 4)}Z`;
  const hull = `M${n(x - 40)} ${n(horizon - 10)}H${n(x + 46)}L${n(x + 34)} ${n(horizon + 2)}H${n(x - 30)}Z`;
  return (
    sky(c, horizon) +
    light(c, x > W / 2 ? 80 : 220, 120, 22) +
    water(c, horizon) +
    glitter(c, x > W / 2 ? 80 : 220, horizon) +
    `<path d="${sail}" fill="${p.light}"/><path d="${hull}" fill="${p.ink}"/>` +
    `<g transform="matrix(1 0 0 -.6 0 ${n(horizon * 1.6 + 1)})" opacity=".25"><path d="${sail}${hull}" fill="${p.ink}"/></g>`
  );
}

export function bridge(c: Canvas): string {
  const p = c.p;
  const river = 270;
  const deck = 205;
  const arch = `M0 ${deck}H${W}V${river}H230A80 70 0 0 0 70 ${river}H0Z`;
  return (
    sky(c, river) +
    light(c, 150, 110, 20) +
    ridge(c, 230, p.far, { amp: 20 }) +
    water(c, river) +
    `<path d="${arch}" fill="${p.near}"/><path d="M0 ${deck - 10}H${W}" stroke="${p.ink}" stroke-width="5"/>` +
    `<path d="M0 ${deck - 22}H${W}M20 ${deck - 22}V${deck - 10}M60 ${deck - 22}V${deck - 10}M100 ${deck - 22}V${deck - 10}M200 ${deck - 22}V${deck - 10}M240 ${deck - 22}V${deck - 10}M280 ${deck - 22}V${deck - 10}" stroke="${p.ink}" stroke-width="2"/>` +
    `<g transform="matrix(1 0 0 -1 0 ${2 * river})" opacity=".3"><path d="${arch}" fill="${p.near}"/></g>`
  );
}

export function island(c: Canvas): string {
  const p = c.p;
  const horizon = 230;
  const x = c.between(120, 180);
  return (
    sky(c, horizon) +
    light(c, x + 60, 110, 18) +
    water(c, horizon) +
    `<path d="M${n(x - 70)} ${horizon + 32}Q${n(x)} ${horizon - 2} ${n(x + 70)} ${horizon + 32}Z" fill="${p.near}"/>` +
    tree(x - 8, horizon + 20, 70, p.ink, true) +
    tree(x + 22, horizon + 24, 44, p.ink) +
    `<path d="M${n(x - 90)} ${horizon + 36}H${n(x + 90)}" stroke="${p.light}" stroke-width="1.5" opacity=".5"/>`
  );
}

export function lighthouse(c: Canvas): string {
  const p = c.p;
  const horizon = 260;
  const beam = c.linear([p.glow, p.glow], [0.55, 0], true);
  return (
    sky(c, horizon) +
    (p.night ? stars(c, 40, 200) : "") +
    water(c, horizon) +
    `<path d="M${W} ${horizon + 10}V${horizon - 30}Q240 ${horizon - 40} 190 ${horizon + 10}Z" fill="${p.near}"/>` +
    `<path d="M225 ${horizon - 30}L229 130H251L255 ${horizon - 30}Z" fill="${p.light}"/><path d="M227 190H253M228 160H252" stroke="${p.accent}" stroke-width="9"/>` +
    `<rect x="230" y="114" width="20" height="16" fill="${p.glow}"/><path d="M226 114L240 100L254 114Z" fill="${p.ink}"/>` +
    `<path d="M236 122L0 70V170Z" fill="${fill(beam)}"/>`
  );
}

export function rain(c: Canvas): string {
  const p = c.p;
  const shore = 250;
  let drops = "";
  for (let i = 0; i < 70; i++) drops += `M${n(c.between(0, W + 40))} ${n(c.between(0, shore))}l-6 18`;
  let rings = "";
  for (let i = 0; i < 12; i++) {
    const y = c.between(shore + 10, H - 10);
    const r = 6 + (y - shore) * 0.12;
    rings += `<ellipse cx="${n(c.between(10, 290))}" cy="${n(y)}" rx="${n(r)}" ry="${n(r * 0.3)}" fill="none" stroke="${p.light}" opacity=".35"/>`;
  }
  return (
    sky(c, shore) +
    ridge(c, shore - 10, p.far, { amp: 22 }) +
    fog(c, 150, shore, 0.6) +
    water(c, shore) +
    rings +
    `<path d="${drops}" stroke="${p.light}" stroke-width="1" opacity=".45"/>` +
    `<path d="M150 300v46q0 8 8 8M110 300a40 30 0 0 1 80 0z" fill="none" stroke="${p.ink}" stroke-width="3"/><path d="M110 300a40 30 0 0 1 80 0q-10-6-20 0q-10-6-20 0q-10-6-20 0q-10-6-20 0z" fill="${p.accent}"/>`
  );
}

export function footprints(c: Canvas): string {
  const p = c.p;
  const sea = 190;
  let prints = "";
  for (let i = 0; i < 9; i++) {
    const t = i / 9;
    const y = H - 20 - t * 180;
    const x = 150 + Math.sin(t * 4) * 40 + (i % 2 ? 8 : -8) * (1 - t);
    const s = 1 - t * 0.7;
    prints += `<ellipse cx="${n(x)}" cy="${n(y)}" rx="${n(5 * s)}" ry="${n(10 * s)}" fill="${p.mid}" opacity=".6"/>`;
  }
  return (
    sky(c, sea) +
    light(c, c.between(70, 230), 100, 22) +
    water(c, sea) +
    `<path d="M0 ${H}V230Q80 214 150 224T${W} 222V${H}Z" fill="${p.far}"/>` +
    `<path d="M0 230Q80 214 150 224T${W} 222" fill="none" stroke="${p.light}" stroke-width="3" opacity=".7"/>` +
    `<rect y="232" width="${W}" height="${H - 232}" fill="${fill(c.linear([p.light, p.far], [0.25, 0]))}"/>` +
    prints
  );
}

export function waterfall(c: Canvas): string {
  const p = c.p;
  let streaks = "";
  for (let i = 0; i < 26; i++) {
    const x = c.between(112, 188);
    streaks += `M${n(x)} ${n(c.between(120, 160))}V${n(c.between(260, 300))}`;
  }
  return (
    sky(c) +
    light(c, 240, 70, 16) +
    `<path d="M0 ${H}V110L40 90L110 118V300H0Z" fill="${p.mid}"/><path d="M${W} ${H}V100L250 86L190 120V300H${W}Z" fill="${p.near}"/>` +
    `<rect x="108" y="118" width="84" height="180" fill="${p.water[0]}"/>` +
    `<path d="${streaks}" stroke="${p.light}" stroke-width="2" opacity=".6"/>` +
    water(c, 296) +
    fog(c, 270, 330, 0.9)
  );
}

/** Concentric rings spreading from a single touch on still water, seen from above. */
export function ripples(c: Canvas): string {
  const p = c.p;
  const g = c.linear([p.water[0], p.water[1]]);
  const cx = c.between(110, 190);
  const cy = c.between(170, 240);
  let rings = "";
  for (let r = 10; r < 260; r *= 1.32) rings += `<circle cx="${n(cx)}" cy="${n(cy)}" r="${n(r)}" fill="none" stroke="${p.light}" stroke-width="${n(2.4 - r / 140)}" opacity="${n(0.7 - r / 420)}"/>`;
  return (
    `<rect width="${W}" height="${H}" fill="${fill(g)}"/>` +
    `<circle cx="${n(cx)}" cy="${n(cy)}" r="90" fill="${fill(c.radial(p.glow, 0.35))}"/>` +
    rings +
    `<path d="M${n(cx - 4)} ${n(cy - 3)}c10-14 30-16 40-10-8 12-28 16-40 10z" fill="${p.accent}"/>`
  );
}
