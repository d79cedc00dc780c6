import { Canvas, H, W, fill, landscape, light, n, sky, stars } from "./canvas";

// Thresholds and made things: doors, windows, ladders, the places where one space meets another.

/** A view of the outdoors, clipped to a rectangle (a doorway or window pane). */
function viewThrough(c: Canvas, x: number, y: number, w: number, h: number): string {
  const clip = c.define((id) => `<clipPath id="${id}"><rect x="${n(x)}" y="${n(y)}" width="${n(w)}" height="${n(h)}"/></clipPath>`);
  return `<g clip-path="${fill(clip)}">${sky(c)}${light(c, x + w * 0.6, y + h * 0.3, 16)}${landscape(c, y + h * 0.75, 0.3)}</g>`;
}

function wall(c: Canvas, floor: number): string {
  const p = c.p;
  return `<rect width="${W}" height="${floor}" fill="${fill(c.linear([p.near, p.mid]))}"/><rect y="${floor}" width="${W}" height="${H - floor}" fill="${p.ink}"/>`;
}

export function door(c: Canvas): string {
  const p = c.p;
  const floor = 320;
  const x = 100;
  const w = 100;
  const top = 110;
  const spill = c.linear([p.glow, p.glow], [0.55, 0]);
  return (
    wall(c, floor) +
    viewThrough(c, x, top, w, floor - top) +
    `<path d="M${x} ${floor}H${x + w}L${x + w + 70} ${H}H${x - 70}Z" fill="${fill(spill)}"/>` +
    `<path d="M${x} ${top}L${x - 38} ${top - 14}V${floor + 18}L${x} ${floor}Z" fill="${p.mid}"/><circle cx="${x - 28}" cy="${floor - 90}" r="3" fill="${p.accent}"/>` +
    `<rect x="${x - 4}" y="${top - 4}" width="${w + 8}" height="${floor - top + 4}" fill="none" stroke="${p.ink}" stroke-width="6"/>`
  );
}

export function openWindow(c: Canvas): string {
  const p = c.p;
  const x = 70;
  const y = 70;
  const w = 160;
  const h = 200;
  const curtain = `M${x - 30} 40C${x + 10} 120 ${x - 20} 220 ${x + 14} 300H${x - 30}ZM${x + w + 30} 40C${x + w - 10} 140 ${x + w + 20} 220 ${x + w - 14} 300H${x + w + 30}Z`;
  const spill = c.radial(p.glow, 0.3);
  return (
    wall(c, 300) +
    `<ellipse cx="150" cy="170" rx="170" ry="150" fill="${fill(spill)}"/>` +
    viewThrough(c, x, y, w, h) +
    `<path d="M${x + w / 2} ${y}V${y + h}M${x} ${y + h / 2}H${x + w}" stroke="${p.ink}" stroke-width="6"/>` +
    `<rect x="${x}" y="${y}" width="${w}" height="${h}" fill="none" stroke="${p.ink}" stroke-width="8"/>` +
    `<rect x="${x - 14}" y="${y + h}" width="${w + 28}" height="10" fill="${p.far}"/>` +
    `<path d="${curtain}" fill="${p.accent}" opacity=".85"/>` +
    `<path d="M${x + 30} ${y + h}h22l-3 -18h-16z" fill="${p.mid}"/><path d="M${x + 41} ${y + h - 18}c-12-10-14-22-8-30M${x + 41} ${y + h - 18}c8-12 16-16 22-16M${x + 41} ${y + h - 18}v-28" stroke="${p.far}" stroke-width="3" fill="none"/>`
  );
}

export function ladder(c: Canvas): string {
  const p = c.p;
  let rungs = "";
  for (let i = 0; i < 12; i++) {
    const t = i / 12;
    const y = 380 - t * 300;
    const half = 34 - t * 20;
    rungs += `M${n(150 - half)} ${n(y)}H${n(150 + half)}`;
  }
  return (
    sky(c) +
    (p.night ? stars(c, 50, 380) : "") +
    light(c, 150, 55, 28) +
    `<path d="M0 ${H}V360Q150 340 ${W} 360V${H}Z" fill="${p.near}"/>` +
    `<path d="M116 ${H}L136 70M184 ${H}L164 70${rungs}" stroke="${p.ink}" stroke-width="5" stroke-linecap="round"/>`
  );
}

export function gate(c: Canvas): string {
  const p = c.p;
  const hedge = `M0 330V150Q40 130 80 150V330ZM220 330V150Q260 130 ${W} 150V330Z`;
  let bars = "";
  for (let x = 96; x <= 204; x += 12) bars += `M${x} 330V${n(210 + Math.abs(x - 150) * 0.4)}`;
  return (
    sky(c) +
    light(c, 150, 150, 26) +
    landscape(c, 250, 0.1) +
    `<path d="${hedge}" fill="${p.near}"/><path d="M80 330V170A70 70 0 0 1 220 170V330" fill="none" stroke="${p.ink}" stroke-width="8"/>` +
    `<path d="${bars}M88 270H212" stroke="${p.ink}" stroke-width="3"/>` +
    `<rect y="330" width="${W}" height="70" fill="${p.ink}"/><path d="M150 330L120 ${H}H180Z" fill="${p.light}" opacity=".25"/>`
  );
}

export function swing(c: Canvas): string {
  const p = c.p;
  return (
    sky(c) +
    light(c, 210, 230, 30) +
    landscape(c, 290, 0.05) +
    `<path d="M0 70Q100 52 ${W} 90" stroke="${p.ink}" stroke-width="12" fill="none"/><path d="M0 48Q60 40 110 60" stroke="${p.ink}" stroke-width="6" fill="none"/>` +
    `<path d="M120 66L150 250M176 72L196 250" stroke="${p.ink}" stroke-width="2"/><path d="M140 250H206" stroke="${p.ink}" stroke-width="7" stroke-linecap="round"/>`
  );
}

export function balloon(c: Canvas): string {
  const p = c.p;
  const x = c.between(110, 190);
  const y = 150;
  let clouds = "";
  for (let i = 0; i < 5; i++) {
    const cy = 300 + i * 20;
    clouds += `<ellipse cx="${n(c.between(0, W))}" cy="${cy}" rx="${n(c.between(80, 140))}" ry="${n(c.between(18, 30))}" fill="${p.light}" opacity="${n(0.5 + i * 0.1)}"/>`;
  }
  return (
    sky(c) +
    light(c, x > W / 2 ? 70 : 230, 80, 18) +
    `<path d="M${n(x)} ${y - 60}C${n(x + 62)} ${y - 60} ${n(x + 54)} ${y + 10} ${n(x + 14)} ${y + 46}H${n(x - 14)}C${n(x - 54)} ${y + 10} ${n(x - 62)} ${y - 60} ${n(x)} ${y - 60}Z" fill="${p.accent}"/>` +
    `<path d="M${n(x)} ${y - 60}C${n(x + 22)} ${y - 40} ${n(x + 18)} ${y + 10} ${n(x + 6)} ${y + 46}H${n(x - 6)}C${n(x - 18)} ${y + 10} ${n(x - 22)} ${y - 40} ${n(x)} ${y - 60}Z" fill="${p.light}" opacity=".45"/>` +
    `<path d="M${n(x - 12)} ${y + 46}L${n(x - 8)} ${y + 66}M${n(x + 12)} ${y + 46}L${n(x + 8)} ${y + 66}" stroke="${p.ink}"/><rect x="${n(x - 9)}" y="${y + 66}" width="18" height="12" fill="${p.ink}"/>` +
    clouds
  );
}

export function kite(c: Canvas): string {
  const p = c.p;
  const x = c.between(170, 230);
  const y = c.between(80, 120);
  let bows = "";
  for (let i = 1; i <= 4; i++) bows += `M${n(x - 4 + i * 4)} ${n(y + 50 + i * 22)}l-5 -4v8z`;
  return (
    sky(c) +
    light(c, 70, 90, 18) +
    landscape(c, 300, 0.05) +
    `<path d="M${n(x)} ${n(y + 50)}C${n(x - 20)} ${n(y + 120)} ${n(x + 20)} ${n(y + 130)} ${n(x + 12)} ${n(y + 150)}M${n(x)} ${n(y + 50)}Q${n(x - 60)} 260 86 362" stroke="${p.ink}" fill="none"/>` +
    `<path d="M${n(x)} ${n(y - 30)}L${n(x + 26)} ${n(y)}L${n(x)} ${n(y + 50)}L${n(x - 26)} ${n(y)}Z" fill="${p.accent}"/><path d="M${n(x)} ${n(y - 30)}V${n(y + 50)}M${n(x - 26)} ${n(y)}H${n(x + 26)}" stroke="${p.ink}"/>` +
    `<path d="${bows}" fill="${p.accent}"/><circle cx="86" cy="366" r="5" fill="${p.ink}"/><path d="M86 371v20" stroke="${p.ink}" stroke-width="4"/>`
  );
}

export function birds(c: Canvas): string {
  const p = c.p;
  let flock = "";
  for (let i = 0; i < 9; i++) {
    const row = Math.floor((i + 1) / 2);
    const side = i % 2 ? 1 : -1;
    const x = 150 + side * row * 18 + c.between(-3, 3);
    const y = 120 + row * 12 + c.between(-3, 3);
    const s = 7 + c.between(0, 3);
    flock += `M${n(x - s)} ${n(y - 2)}q${n(s / 2)} -4 ${n(s)} 2q${n(s / 2)} -6 ${n(s)} -2`;
  }
  const loner = `M222 250q6 -4 11 2q5 -6 11 -2`;
  return sky(c) + light(c, 150, 250, 40) + landscape(c, 300, 0.2) + `<path d="${flock}${loner}" stroke="${p.ink}" stroke-width="2" fill="none" stroke-linecap="round"/>`;
}
