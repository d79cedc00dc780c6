import { Canvas, H, W, evergreen, fill, fog, landscape, light, n, ridge, sky, tree } from "./canvas";

// Landscapes: the wide, quiet views that invite "where am I standing in this picture?".

export function mountains(c: Canvas): string {
  const p = c.p;
  return (
    sky(c) +
    light(c, c.between(70, 230), c.between(70, 120), 22) +
    ridge(c, 215, p.far, { amp: 60, rough: 1.4, points: 16 }) +
    fog(c, 190, 270, 0.7) +
    ridge(c, 275, p.mid, { amp: 48, rough: 1.2, points: 18 }) +
    fog(c, 270, 330, 0.5) +
    ridge(c, 345, p.near, { amp: 26, rough: 0.6, points: 22 })
  );
}

/** A road that winds from the viewer's feet to the horizon. */
function windingRoad(c: Canvas, horizon: number, swing: number, color: string, opacity = 0.85): string {
  const left: string[] = [];
  const right: string[] = [];
  const phase = c.between(0, 3);
  for (let i = 0; i <= 24; i++) {
    const t = i / 24;
    const y = H - (H - horizon) * Math.pow(t, 0.75);
    const cx = W / 2 + Math.sin(t * 3.2 + phase) * swing * (1 - t);
    const half = 55 * (1 - t) + 1.5;
    left.push(`${n(cx - half)} ${n(y)}`);
    right.unshift(`${n(cx + half)} ${n(y)}`);
  }
  return `<path d="M${left.join("L")}L${right.join("L")}Z" fill="${color}" opacity="${opacity}"/>`;
}

export function path(c: Canvas): string {
  const p = c.p;
  const horizon = 215;
  return sky(c) + light(c, c.between(90, 210), 110, 20) + landscape(c, horizon) + windingRoad(c, horizon + 15, 70, p.light, 0.55);
}

export function fogForest(c: Canvas): string {
  const p = c.p;
  let out = sky(c) + light(c, 200, 90, 16);
  const rows: [number, number, string, number][] = [
    [210, 50, p.far, 0.5],
    [260, 70, p.mid, 0.7],
    [330, 110, p.near, 1],
  ];
  for (const [base, h, color, o] of rows) {
    let trees = "";
    for (let x = -10; x < W + 20; x += c.between(20, 36)) trees += evergreen(x, base + c.between(-6, 6), h * c.between(0.7, 1.2));
    out += `<path d="${trees}" fill="${color}" opacity="${o}"/>` + fog(c, base - h * 0.6, base + 20, 0.75);
  }
  return out + `<rect y="330" width="${W}" height="70" fill="${p.near}"/>` + windingRoad(c, 250, 40, p.light, 0.35) + fog(c, 300, 400, 0.35);
}

export function stairs(c: Canvas): string {
  const p = c.p;
  let steps = "";
  const count = 11;
  for (let i = 0; i < count; i++) {
    const y = H - i * 24;
    const w = 230 - i * 15;
    const x = W / 2 - w / 2;
    steps += `<rect x="${n(x)}" y="${n(y - 24)}" width="${n(w)}" height="24" fill="${i % 2 ? p.mid : p.far}"/><rect x="${n(x)}" y="${n(y - 24)}" width="${n(w)}" height="5" fill="${p.light}" opacity=".35"/>`;
  }
  const wall = `<path d="M0 0H50L${n(W / 2 - 45)} ${n(H - count * 24)}V${H}H0Z" fill="${p.near}"/><path d="M${W} 0H${W - 50}L${n(W / 2 + 45)} ${n(H - count * 24)}V${H}H${W}Z" fill="${p.near}"/>`;
  return sky(c) + light(c, W / 2, H - count * 24 - 40, 26) + steps + wall;
}

/** A branching tree drawn as one path per branch depth, so thickness tapers naturally. */
export function branchingTree(c: Canvas, x: number, base: number, size: number, color: string, depth = 6, down = false): string {
  const layers: string[] = Array.from({ length: depth }, () => "");
  const dir = down ? 1 : -1;
  const grow = (x0: number, y0: number, angle: number, len: number, d: number) => {
    if (d >= depth) return;
    const x1 = x0 + Math.sin(angle) * len;
    const y1 = y0 + dir * Math.cos(angle) * len;
    // Whole pixels keep a 64-branch tree to about a kilobyte.
    layers[d] += `M${Math.round(x0)} ${Math.round(y0)}L${Math.round(x1)} ${Math.round(y1)}`;
    const spread = c.between(0.3, 0.6);
    grow(x1, y1, angle - spread, len * c.between(0.66, 0.8), d + 1);
    grow(x1, y1, angle + spread, len * c.between(0.66, 0.8), d + 1);
  };
  grow(x, base, c.between(-0.08, 0.08), size, 0);
  return layers
    .map((d, i) => `<path d="${d}" stroke="${color}" stroke-width="${n(Math.max(0.6, size * 0.13 * Math.pow(0.62, i)))}" stroke-linecap="round" fill="none"/>`)
    .join("");
}

export function loneTree(c: Canvas): string {
  const p = c.p;
  const x = c.between(110, 190);
  let leaves = "";
  for (let i = 0; i < 40; i++) leaves += `M${n(x + c.between(-80, 80))} ${n(c.between(140, 240))}h0`;
  return (
    sky(c) +
    light(c, x < W / 2 ? 225 : 75, 90, 20) +
    ridge(c, 300, p.far, { amp: 18 }) +
    `<path d="M0 ${H}V330Q${n(x)} 270 ${W} 330V${H}Z" fill="${p.near}"/>` +
    branchingTree(c, x, 300, 62, p.ink, 6) +
    `<path d="${leaves}" stroke="${p.accent}" stroke-width="5" stroke-linecap="round" opacity=".55"/>`
  );
}

export function roots(c: Canvas): string {
  const p = c.p;
  const ground = 190;
  const soil = c.linear([p.mid, p.near, p.ink]);
  let stones = "";
  for (let i = 0; i < 9; i++) stones += `<ellipse cx="${n(c.between(10, 290))}" cy="${n(c.between(ground + 30, 390))}" rx="${n(c.between(4, 12))}" ry="${n(c.between(3, 7))}" fill="${p.far}" opacity=".5"/>`;
  return (
    sky(c, ground) +
    light(c, 230, 70, 18) +
    `<rect y="${ground}" width="${W}" height="${H - ground}" fill="${fill(soil)}"/>` +
    stones +
    `<path d="M0 ${ground}H${W}" stroke="${p.accent}" stroke-width="3" opacity=".6"/>` +
    branchingTree(c, 150, ground, 46, p.ink, 5) +
    branchingTree(c, 150, ground, 50, p.light, 6, true).replace(/<path /g, '<path opacity=".7" ')
  );
}

export function dunes(c: Canvas): string {
  const p = c.p;
  let out = sky(c) + light(c, c.between(80, 220), 150, 34);
  const bands: [number, string, string][] = [
    [250, p.far, p.mid],
    [300, p.mid, p.near],
    [355, p.near, p.ink],
  ];
  for (const [y, lit, shade] of bands) {
    const peak = c.between(60, 240);
    out += `<path d="M0 ${H}V${n(y + 10)}Q${n(peak * 0.6)} ${n(y - 30)} ${n(peak)} ${n(y - 25)}Q${n(peak + 60)} ${n(y - 20)} ${W} ${n(y + 15)}V${H}Z" fill="${lit}"/>`;
    out += `<path d="M${n(peak)} ${n(y - 25)}Q${n(peak + 20)} ${n(y + 15)} ${n(peak - 30)} ${H}H${W}V${n(y + 15)}Q${n(peak + 60)} ${n(y - 20)} ${n(peak)} ${n(y - 25)}Z" fill="${shade}" opacity=".45"/>`;
  }
  return out;
}

export function field(c: Canvas): string {
  const p = c.p;
  let stems = "";
  const heads = ["", ""];
  for (let i = 0; i < 44; i++) {
    const x = c.between(0, W);
    const y = c.between(300, 405);
    const h = 10 + (y - 300) * 0.35;
    const tip = c.between(-4, 4);
    stems += `M${n(x)} ${n(y)}q2 ${n(-h / 2)} ${n(tip)} ${n(-h)}`;
    heads[i % 3 ? 0 : 1] += `M${n(x + tip)} ${n(y - h)}h0`;
  }
  return (
    sky(c) +
    light(c, c.between(60, 240), 100, 24) +
    landscape(c, 235, 0.05) +
    `<path d="${stems}" stroke="${p.ink}" stroke-width="1" fill="none" opacity=".6"/>` +
    `<path d="${heads[0]}" stroke="${p.accent}" stroke-width="5" stroke-linecap="round"/>` +
    `<path d="${heads[1]}" stroke="${p.light}" stroke-width="4" stroke-linecap="round"/>`
  );
}

export function crossroads(c: Canvas): string {
  const p = c.p;
  const fork = 300;
  const road = `M110 ${H}L145 ${fork}L70 235L78 235L152 ${fork - 5}L160 ${fork - 5}L226 230L234 230L158 ${fork}L190 ${H}Z`;
  const post = `<path d="M214 372V300" stroke="${p.ink}" stroke-width="4"/><path d="M214 306h30l6 6-6 6h-30zM214 324h-30l-6 6 6 6h30z" fill="${p.accent}"/>`;
  return sky(c) + light(c, 150, 100, 18) + landscape(c, 215, 0.1) + `<path d="${road}" fill="${p.light}" opacity=".55"/>` + post;
}

export function cairn(c: Canvas): string {
  const p = c.p;
  let stack = "";
  let y = 345;
  const count = 6;
  for (let i = 0; i < count; i++) {
    const rx = 46 - i * 6 + c.between(-4, 4);
    const ry = 13 - i + c.between(-2, 2);
    const cx = 150 + c.between(-6, 6);
    stack += `<ellipse cx="${n(cx)}" cy="${n(y - ry)}" rx="${n(rx)}" ry="${n(ry)}" fill="${i % 2 ? p.mid : p.near}"/><ellipse cx="${n(cx - rx * 0.25)}" cy="${n(y - ry * 1.5)}" rx="${n(rx * 0.5)}" ry="${n(ry * 0.3)}" fill="${p.light}" opacity=".25"/>`;
    y -= ry * 2 - 2;
  }
  return sky(c, 300) + light(c, 90, 120, 22) + `<rect y="290" width="${W}" height="110" fill="${fill(c.linear([p.water[0], p.water[1]]))}"/>` + `<path d="M0 ${H}V345Q150 325 ${W} 350V${H}Z" fill="${p.far}"/>` + stack;
}

export function sprout(c: Canvas): string {
  const p = c.p;
  const ground = 250;
  const soil = c.linear([p.near, p.ink]);
  let rays = "";
  for (let i = 0; i < 9; i++) {
    const a = -Math.PI / 2 + (i - 4) * 0.28;
    rays += `M150 70L${n(150 + Math.cos(a) * 400)} ${n(70 + Math.sin(a) * -400)}`;
  }
  return (
    sky(c, ground) +
    `<path d="${rays}" stroke="${p.light}" stroke-width="14" opacity=".12"/>` +
    light(c, 150, 70, 22) +
    `<rect y="${ground}" width="${W}" height="${H - ground}" fill="${fill(soil)}"/>` +
    `<ellipse cx="150" cy="${ground + 40}" rx="14" ry="9" fill="${p.accent}"/>` +
    `<path d="M150 ${ground + 32}C146 ${ground + 10} 156 ${ground - 20} 150 ${ground - 60}M150 ${ground + 46}c-8 10-20 14-30 30M150 ${ground + 46}c8 14 22 20 26 40" stroke="${p.light}" stroke-width="3" fill="none" stroke-linecap="round"/>` +
    `<path d="M150 ${ground - 50}c-10-18-34-20-46-10 14 14 34 16 46 10zM150 ${ground - 58}c12-20 36-22 48-12-14 16-36 18-48 12z" fill="${p.mid}"/>`
  );
}

export function bench(c: Canvas): string {
  const p = c.p;
  return (
    sky(c) +
    light(c, 215, 200, 30) +
    ridge(c, 250, p.far, { amp: 12 }) +
    `<path d="M0 ${H}V300Q150 270 ${W} 310V${H}Z" fill="${p.near}"/>` +
    tree(85, 296, 170, p.ink, true) +
    `<path d="M120 286h64M122 278h60M126 286v14M178 286v14M124 270v16" stroke="${p.ink}" stroke-width="4" stroke-linecap="round"/>`
  );
}
