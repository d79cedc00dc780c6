import { Canvas, H, W, fill, light, n, sky, stars } from "./canvas";

// Close-up objects on a soft field of colour: things held, found, woven or carried.

/** A still-life backdrop: a gradient and a pool of light behind the object. */
function backdrop(c: Canvas, cx = 150, cy = 190): string {
  const p = c.p;
  return `<rect width="${W}" height="${H}" fill="${fill(c.linear(p.sky))}"/><circle cx="${cx}" cy="${cy}" r="150" fill="${fill(c.radial(p.glow, 0.45))}"/>`;
}

export function hands(c: Canvas): string {
  const p = c.p;
  // One cupped hand, mirrored: fingers as overlapping rounded strokes rising from a palm.
  const hand = `M150 372C118 372 70 350 52 300C46 282 60 276 70 288L92 316C86 290 74 262 80 250C86 240 98 246 102 258L114 298C112 270 110 246 120 240C130 236 136 248 136 262L140 300C140 280 144 264 152 264V372Z`;
  const orb = c.radial(p.glow, 1);
  return (
    backdrop(c, 150, 230) +
    `<circle cx="150" cy="246" r="70" fill="${fill(orb)}"/><circle cx="150" cy="250" r="16" fill="${p.glow}"/>` +
    `<path d="${hand}" fill="${p.near}"/><path d="${hand}" transform="matrix(-1 0 0 1 300 0)" fill="${p.mid}"/>` +
    `<path d="M0 ${H}V372H${W}V${H}Z" fill="${p.ink}" opacity=".4"/>`
  );
}

export function key(c: Canvas): string {
  const p = c.p;
  const shape = `M150 100a34 34 0 1 1-0.1 0zm0 16a18 18 0 1 0 0.1 0zM144 166h12v150h-12zM156 262h24v12h-24zM156 290h32v14h-32z`;
  return (
    backdrop(c, 150, 200) +
    `<path d="M150 0V100" stroke="${p.ink}" stroke-width="1.5" opacity=".6"/>` +
    `<path d="${shape}" fill="${p.ink}" fill-rule="evenodd" transform="rotate(${n(c.between(-10, 10))} 150 200)"/>` +
    `<path d="${shape}" fill="${p.accent}" fill-rule="evenodd" opacity=".35" transform="translate(4 -3) rotate(${n(c.between(-10, 10))} 150 200)"/>`
  );
}

export function feather(c: Canvas): string {
  const p = c.p;
  const tilt = c.between(-25, 25);
  let barbs = "";
  for (let i = 0; i <= 26; i++) {
    const t = i / 26;
    const y = 330 - t * 250;
    const width = Math.sin(Math.PI * Math.min(1, t * 1.15)) * 44 + 4;
    const gap = i === 9 || i === 17 ? 6 : 0;
    barbs += `M150 ${n(y)}q${n(-width * 0.6)} -6 ${n(-width)} ${n(-18 - gap)}M150 ${n(y)}q${n(width * 0.6)} -6 ${n(width)} ${n(-18 + gap)}`;
  }
  return (
    backdrop(c) +
    `<g transform="rotate(${n(tilt)} 150 210)"><path d="${barbs}" stroke="${p.light}" stroke-width="2.2" stroke-linecap="round" opacity=".9"/>` +
    `<path d="${barbs}" stroke="${p.mid}" stroke-width=".8" opacity=".6"/><path d="M150 370Q152 220 150 70" stroke="${p.ink}" stroke-width="2.5" fill="none"/></g>`
  );
}

export function nest(c: Canvas): string {
  const p = c.p;
  let weave = "";
  for (let i = 0; i < 28; i++) {
    const y = c.between(240, 290);
    weave += `M${n(c.between(60, 100))} ${n(y)}Q150 ${n(y + c.between(20, 50))} ${n(c.between(200, 240))} ${n(y + c.between(-10, 10))}`;
  }
  return (
    backdrop(c, 150, 220) +
    `<path d="M0 320Q120 300 ${W} 250" stroke="${p.ink}" stroke-width="10" fill="none"/><path d="M180 290Q230 230 260 200" stroke="${p.ink}" stroke-width="5" fill="none"/>` +
    `<ellipse cx="150" cy="262" rx="92" ry="44" fill="${p.near}"/>` +
    `<ellipse cx="130" cy="250" rx="15" ry="19" fill="${p.light}"/><ellipse cx="160" cy="246" rx="15" ry="19" fill="${p.light}"/><ellipse cx="146" cy="256" rx="15" ry="19" fill="${p.far}"/>` +
    `<path d="M58 258Q150 300 242 258" stroke="${p.mid}" stroke-width="10" fill="none"/>` +
    `<path d="${weave}" stroke="${p.far}" stroke-width="1.5" fill="none" opacity=".8"/>`
  );
}

/** A perfect maze from a depth-first walk, so there is always exactly one way through. */
export function maze(c: Canvas): string {
  const p = c.p;
  const cols = 9;
  const rows = 12;
  const size = 28;
  const ox = (W - cols * size) / 2;
  const oy = (H - rows * size) / 2;
  const seen = new Set<number>();
  const openings = new Set<string>();
  const stack = [0];
  seen.add(0);
  while (stack.length) {
    const cur = stack[stack.length - 1];
    const cx = cur % cols;
    const cy = Math.floor(cur / cols);
    const next = [
      [cx + 1, cy],
      [cx - 1, cy],
      [cx, cy + 1],
      [cx, cy - 1],
    ].filter(([x, y]) => x >= 0 && y >= 0 && x < cols && y < rows && !seen.has(y * cols + x));
    if (!next.length) {
      stack.pop();
      continue;
    }
    const [nx, ny] = next[Math.floor(c.rand() * next.length)];
    const id = ny * cols + nx;
    openings.add(`${Math.min(cur, id)}-${Math.max(cur, id)}`);
    seen.add(id);
    stack.push(id);
  }
  let walls = "";
  for (let y = 0; y < rows; y++) {
    for (let x = 0; x < cols; x++) {
      const id = y * cols + x;
      const px = ox + x * size;
      const py = oy + y * size;
      if (x < cols - 1 && !openings.has(`${id}-${id + 1}`)) walls += `M${n(px + size)} ${n(py)}v${size}`;
      if (y < rows - 1 && !openings.has(`${id}-${id + cols}`)) walls += `M${n(px)} ${n(py + size)}h${size}`;
    }
  }
  const frame = `M${n(ox + size)} ${n(oy)}H${n(ox + cols * size)}V${n(oy + rows * size)}M${n(ox + (cols - 1) * size)} ${n(oy + rows * size)}H${n(ox)}V${n(oy)}`;
  return (
    `<rect width="${W}" height="${H}" fill="${fill(c.linear(p.sky))}"/>` +
    `<circle cx="${n(ox + (cols - 0.5) * size)}" cy="${n(oy + rows * size)}" r="70" fill="${fill(c.radial(p.glow, 0.8))}"/>` +
    `<path d="${walls}${frame}" stroke="${p.ink}" stroke-width="5" stroke-linecap="round" fill="none" opacity=".85"/>` +
    `<circle cx="${n(ox + size / 2)}" cy="${n(oy - 2)}" r="5" fill="${p.accent}"/>`
  );
}

export function threads(c: Canvas): string {
  const p = c.p;
  const colors = [p.accent, p.light, p.far, p.glow, p.mid];
  let out = `<rect width="${W}" height="${H}" fill="${fill(c.linear([p.near, p.ink]))}"/>`;
  const kx = c.between(120, 180);
  const ky = c.between(180, 230);
  for (let i = 0; i < 10; i++) {
    const fromLeft = i % 2 === 0;
    const y0 = c.between(20, 380);
    const y1 = c.between(20, 380);
    out += `<path d="M${fromLeft ? -10 : W + 10} ${n(y0)}C${n(kx + c.between(-80, 80))} ${n(ky + c.between(-90, 90))} ${n(kx + c.between(-40, 40))} ${n(ky + c.between(-40, 40))} ${n(kx)} ${n(ky)}S${n(c.between(0, W))} ${n(y1)} ${fromLeft ? W + 10 : -10} ${n(y1)}" stroke="${colors[i % colors.length]}" stroke-width="${n(c.between(1.2, 3))}" fill="none" opacity=".85"/>`;
  }
  return out + `<circle cx="${n(kx)}" cy="${n(ky)}" r="40" fill="${fill(c.radial(p.glow, 0.4))}"/>`;
}

/** Contour lines like wood grain, wind on sand or a map of unseen terrain. */
export function contours(c: Canvas): string {
  const p = c.p;
  let lines = "";
  const cx = c.between(90, 210);
  const cy = c.between(140, 260);
  const wob = [c.between(0, 6), c.between(0, 6), c.between(0.05, 0.2)];
  for (let k = 1; k <= 14; k++) {
    const r = k * 17;
    let d = "";
    for (let i = 0; i < 24; i++) {
      const a = (i / 24) * Math.PI * 2;
      const rr = r * (1 + wob[2] * Math.sin(a * 3 + wob[0]) + 0.06 * Math.sin(a * 5 + wob[1] + k * 0.3));
      d += `${i ? "L" : "M"}${n(cx + Math.cos(a) * rr)} ${n(cy + Math.sin(a) * rr * 1.2)}`;
    }
    lines += d + "Z";
  }
  return (
    `<rect width="${W}" height="${H}" fill="${fill(c.linear([p.far, p.mid]))}"/>` +
    `<path d="${lines}" stroke="${p.light}" stroke-width="1.4" fill="none" opacity=".55"/>` +
    `<circle cx="${n(cx)}" cy="${n(cy)}" r="6" fill="${p.accent}"/>`
  );
}

/** A logarithmic spiral, the growth line of shells and unfurling ferns. */
export function spiral(c: Canvas): string {
  const p = c.p;
  let d = "";
  const turn = c.between(0, Math.PI * 2);
  for (let i = 0; i <= 120; i++) {
    const a = (i / 120) * Math.PI * 7 + turn;
    const r = 3 * Math.exp(0.17 * (i / 120) * Math.PI * 7);
    d += `${i ? "L" : "M"}${n(150 + Math.cos(a) * r)} ${n(200 + Math.sin(a) * r)}`;
  }
  return backdrop(c) + `<path d="${d}" stroke="${p.ink}" stroke-width="7" fill="none" stroke-linecap="round" opacity=".85"/><path d="${d}" stroke="${p.accent}" stroke-width="2" fill="none" opacity=".8"/>`;
}

export function lantern(c: Canvas): string {
  const p = c.p;
  const glow = c.radial(p.glow, 0.8);
  return (
    sky(c) +
    stars(c, 40, 380) +
    `<circle cx="150" cy="230" r="140" fill="${fill(glow)}"/>` +
    `<path d="M150 0V160" stroke="${p.ink}" stroke-width="2"/><path d="M136 170a14 14 0 0 1 28 0" stroke="${p.ink}" stroke-width="3" fill="none"/>` +
    `<path d="M122 180H178L172 196H128Z M128 270H172L178 286H122Z" fill="${p.ink}"/>` +
    `<rect x="128" y="196" width="44" height="74" fill="${p.glow}" opacity=".9"/><path d="M150 200v66M128 233h44" stroke="${p.ink}" stroke-width="2"/>` +
    `<path d="M150 258c-8-8-6-20 0-30 6 10 8 22 0 30z" fill="${p.accent}"/>`
  );
}

export function candle(c: Canvas): string {
  const p = c.p;
  return (
    `<rect width="${W}" height="${H}" fill="${fill(c.linear([p.ink, p.near]))}"/>` +
    `<circle cx="150" cy="170" r="150" fill="${fill(c.radial(p.glow, 0.55))}"/>` +
    `<rect x="126" y="196" width="48" height="140" rx="4" fill="${p.light}" opacity=".9"/><path d="M126 212q10 8 10 24" stroke="${p.far}" stroke-width="5" fill="none"/>` +
    `<path d="M150 196v-12" stroke="${p.ink}" stroke-width="2"/><path d="M150 186c-12-14-8-36 0-52 8 16 12 38 0 52z" fill="${p.glow}"/><path d="M150 184c-5-6-4-16 0-24 4 8 5 18 0 24z" fill="${p.accent}"/>` +
    `<ellipse cx="150" cy="340" rx="70" ry="10" fill="${p.ink}" opacity=".6"/>`
  );
}

export function hourglass(c: Canvas): string {
  const p = c.p;
  const glass = `M104 80H196C196 150 158 170 154 200C158 230 196 250 196 320H104C104 250 142 230 146 200C142 170 104 150 104 80Z`;
  return (
    backdrop(c) +
    `<path d="${glass}" fill="${p.light}" opacity=".35" stroke="${p.ink}" stroke-width="3"/>` +
    `<path d="M124 120H176C172 150 156 164 150 180C144 164 128 150 124 120Z" fill="${p.accent}"/><path d="M150 180V300" stroke="${p.accent}" stroke-width="1.5"/>` +
    `<path d="M112 318C120 290 140 282 150 280C160 282 180 290 188 318Z" fill="${p.accent}"/>` +
    `<rect x="92" y="66" width="116" height="14" rx="3" fill="${p.ink}"/><rect x="92" y="320" width="116" height="14" rx="3" fill="${p.ink}"/>`
  );
}

/** An open sky of drifting clouds over a low horizon: space, breath, weather passing. */
export function clouds(c: Canvas): string {
  const p = c.p;
  let puffs = "";
  for (let i = 0; i < 5; i++) {
    const y = 80 + i * 50 + c.between(-10, 10);
    const x = c.between(20, 240);
    const s = c.between(0.7, 1.3);
    puffs += `<path d="M${n(x - 40 * s)} ${n(y)}a${n(20 * s)} ${n(20 * s)} 0 0 1 ${n(30 * s)} ${n(-16 * s)}a${n(26 * s)} ${n(26 * s)} 0 0 1 ${n(48 * s)} ${n(2 * s)}a${n(18 * s)} ${n(18 * s)} 0 0 1 ${n(26 * s)} ${n(14 * s)}Z" fill="${p.light}" opacity="${n(0.5 + i * 0.1)}"/>`;
  }
  return sky(c) + light(c, c.between(60, 240), 110, 20) + puffs + `<rect y="360" width="${W}" height="40" fill="${p.near}"/>`;
}
