import PDFDocument from "pdfkit";
import type { SessionAnalytics } from "../../domain/api/analytics";

/** Spreadsheet apps run cells starting with these as formulas; a leading quote keeps them text. */
function cell(v: string | number | null | undefined): string {
  if (v === null || v === undefined) return "";
  let s = String(v);
  if (/^[=+\-@\t\r]/.test(s) && typeof v === "string") s = `'${s}`;
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** One long table (section, item, metric, value) so every part of the report fits one sheet. */
export function reportCsv(r: SessionAnalytics): string {
  const rows: (string | number | null)[][] = [["section", "item", "metric", "value"]];
  rows.push(["session", r.title, "durationSeconds", r.durationSeconds], ["session", r.title, "startedAt", r.startedAt], ["session", r.title, "endedAt", r.endedAt]);
  for (const p of r.phases) rows.push(["phase", p.name, "seconds", p.seconds]);
  for (const p of r.participants) {
    rows.push(["participant", p.displayName, "reflections", p.reflections], ["participant", p.displayName, "chatMessages", p.chatMessages], ["participant", p.displayName, "handRaises", p.handRaises]);
    if (p.talkShare !== undefined) rows.push(["participant", p.displayName, "talkShare", p.talkShare]);
  }
  rows.push(["cards", "all", "dealt", r.cards.dealt], ["cards", "all", "chosen", r.cards.chosen], ["cards", "all", "swapped", r.cards.swapped]);
  for (const c of r.topCards) rows.push(["card", c.word ?? c.cardId, "chosen", c.chosen], ["card", c.word ?? c.cardId, "swapped", c.swapped]);
  const names = new Map(r.participants.map((p) => [p.id, p.displayName]));
  for (const c of r.commitments) rows.push(["commitment", names.get(c.participantId) ?? c.participantId, c.due ? `due ${c.due}` : "text", c.text]);
  for (const e of r.emotionArc) rows.push(["emotion", e.at, "valence", e.valence]);
  return rows.map((row) => row.map(cell).join(",")).join("\r\n") + "\r\n";
}

const INK = "#1c1917";
const MUTED = "#57534e";
const BAR = "#1d4ed8";
const SWAP = "#b45309";
const fmtSeconds = (s: number) => (s >= 60 ? `${Math.floor(s / 60)} min ${s % 60} s` : `${s} s`);

/**
 * The printable report. Written uncompressed: it stays small, and the text (title,
 * commitments) remains searchable by tools that read PDF content streams.
 */
export function reportPdf(r: SessionAnalytics): Promise<Buffer> {
  const doc = new PDFDocument({ size: "A4", margin: 50, compress: false, info: { Title: r.title, Subject: "Session report" } });
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const heading = (text: string) => {
    if (doc.y > doc.page.height - 160) doc.addPage();
    doc.moveDown(0.8).font("Helvetica-Bold").fontSize(13).fillColor(INK).text(text, left).moveDown(0.3).font("Helvetica").fontSize(10);
  };
  const bars = (items: { label: string; value: number; note: string; color?: string }[]) => {
    const max = Math.max(1, ...items.map((i) => i.value));
    for (const i of items) {
      if (doc.y > doc.page.height - 80) doc.addPage();
      const y = doc.y;
      doc.fillColor(INK).text(i.label, left, y, { width: 140, ellipsis: true, lineBreak: false });
      doc.rect(left + 150, y, Math.max(1, ((width - 240) * i.value) / max), 10).fill(i.color ?? BAR);
      doc.fillColor(MUTED).text(i.note, left + width - 80, y, { width: 80, align: "right", lineBreak: false });
      doc.y = y + 16;
    }
  };

  doc.font("Helvetica-Bold").fontSize(20).fillColor(INK).text(r.title);
  doc.font("Helvetica").fontSize(10).fillColor(MUTED);
  doc.text(`Session report · ${r.startedAt ? new Date(r.startedAt).toUTCString() : "not started"} · ${fmtSeconds(r.durationSeconds)} · ${r.participants.length} participants`);

  heading("Phases");
  if (r.phases.length) bars(r.phases.map((p) => ({ label: p.name, value: p.seconds, note: fmtSeconds(p.seconds) })));
  else doc.fillColor(MUTED).text("The session did not start.");

  heading("Participation");
  if (r.participants.length) {
    bars(
      r.participants.map((p) => ({
        label: p.displayName,
        value: p.reflections + p.chatMessages,
        note: `${p.reflections} refl. · ${p.chatMessages} chat${p.talkShare !== undefined ? ` · ${Math.round(p.talkShare * 100)}% talk` : ""}`,
      })),
    );
  } else doc.fillColor(MUTED).text("Nobody joined.");

  heading("Cards");
  doc.fillColor(INK).text(`${r.cards.dealt} dealt, ${r.cards.chosen} chosen, ${r.cards.swapped} swapped.`, left);
  const moved = r.topCards.filter((c) => c.chosen + c.swapped > 0);
  if (moved.length) {
    doc.moveDown(0.3);
    bars(moved.map((c) => ({ label: c.word ?? "card", value: c.chosen + c.swapped, note: `${c.chosen} chosen · ${c.swapped} swapped`, color: c.swapped > c.chosen ? SWAP : BAR })));
  }

  heading("Emotion arc of what was shared");
  if (r.emotionArc.length) {
    if (doc.y > doc.page.height - 170) doc.addPage();
    const top = doc.y;
    const h = 100;
    const mid = top + h / 2;
    doc.lineWidth(0.5).strokeColor(MUTED).moveTo(left, mid).lineTo(left + width, mid).stroke();
    doc.fontSize(8).fillColor(MUTED).text("+1", left - 18, top - 3).text("0", left - 12, mid - 4).text("−1", left - 18, top + h - 5);
    const t0 = Date.parse(r.emotionArc[0].at);
    const span = Math.max(1, Date.parse(r.emotionArc[r.emotionArc.length - 1].at) - t0);
    const pts = r.emotionArc.map((e) => [left + (r.emotionArc.length === 1 ? width / 2 : ((Date.parse(e.at) - t0) / span) * width), mid - (e.valence * h) / 2] as const);
    doc.lineWidth(1.5).strokeColor(BAR);
    pts.forEach(([x, y], i) => (i === 0 ? doc.moveTo(x, y) : doc.lineTo(x, y)));
    doc.stroke();
    for (const [x, y] of pts) doc.circle(x, y, 2).fill(BAR);
    doc.y = top + h + 8;
    doc.fontSize(10).fillColor(MUTED).text(`Mean valence ${(r.emotionArc.reduce((a, e) => a + e.valence, 0) / r.emotionArc.length).toFixed(2)} over ${r.emotionArc.length} minutes with shared words.`, left);
  } else doc.fillColor(MUTED).text("Nothing was shared with the group.", left);

  heading("Commitments");
  const names = new Map(r.participants.map((p) => [p.id, p.displayName]));
  if (r.commitments.length === 0) doc.fillColor(MUTED).text("No commitments were made.", left);
  for (const c of r.commitments) {
    doc.fillColor(INK).font("Helvetica-Bold").text(`${names.get(c.participantId) ?? "Someone"}: `, left, doc.y, { continued: true }).font("Helvetica").text(c.text + (c.due ? ` (by ${new Date(c.due).toUTCString()})` : ""));
  }
  doc.end();
  return done;
}
