import { basename } from "node:path";
import { parse } from "csv-parse/sync";
import yauzl from "yauzl";
import { AppError, invalid, unsupportedType } from "../errors";
import { MAX_IMAGE_BYTES, prepareImage } from "../media/images";
import { presentCard } from "./present";
import type { DeckWithCount } from "./repository";
import { CardCreateBody, type BulkItem } from "./schemas";
import type { CardService, OrgActor } from "./service";
import type { CardMedia } from "../media/index";

export const MAX_ZIP_BYTES = 200 * 1024 * 1024;
export const MAX_BULK_FILES = 500;
const CSV_COLUMNS = ["file", "word", "description", "alt", "pause", "expand", "focus", "do", "tags"] as const;
type CsvRow = Partial<Record<(typeof CSV_COLUMNS)[number], string>>;

interface ZipImage {
  name: string;
  /** Null when the entry was refused before reading (too large); the error says why. */
  data: Buffer | null;
  error?: AppError;
}

/** Noise that archivers add; never meant as cards. */
const isJunk = (path: string) => path.endsWith("/") || path.startsWith("__MACOSX/") || basename(path).startsWith(".") || /^(thumbs\.db|desktop\.ini)$/i.test(basename(path));

function openZip(buffer: Buffer): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(buffer, { lazyEntries: true, validateEntrySizes: true }, (err, zip) => (err || !zip ? reject(err ?? new Error("no zip")) : resolve(zip)));
  });
}

function readEntry(zip: yauzl.ZipFile, entry: yauzl.Entry, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (err, stream) => {
      if (err || !stream) return reject(err ?? new Error("unreadable entry"));
      const chunks: Buffer[] = [];
      let size = 0;
      stream.on("data", (chunk: Buffer) => {
        size += chunk.length;
        // The header's size can lie (zip bombs); count what actually comes out.
        if (size > limit) stream.destroy(new AppError(413, "too_large", `${entry.fileName} is larger than ${limit / 1024 / 1024} MB.`));
        else chunks.push(chunk);
      });
      stream.on("error", reject);
      stream.on("end", () => resolve(Buffer.concat(chunks)));
    });
  });
}

/** Every file of the ZIP (images and an optional CSV), in archive order. */
export async function readZip(buffer: Buffer): Promise<{ images: ZipImage[]; csv: Buffer | null }> {
  let zip: yauzl.ZipFile;
  try {
    zip = await openZip(buffer);
  } catch {
    throw unsupportedType("The upload is not a readable ZIP archive.");
  }
  const images: ZipImage[] = [];
  let csv: Buffer | null = null;
  try {
    await new Promise<void>((resolve, reject) => {
      zip.on("error", reject);
      zip.on("end", () => resolve());
      zip.on("entry", (entry: yauzl.Entry) => {
        void (async () => {
          const name = entry.fileName;
          if (isJunk(name)) return;
          if (/\.csv$/i.test(name) && !csv) {
            csv = await readEntry(zip, entry, 2 * 1024 * 1024);
          } else if (images.length >= MAX_BULK_FILES) {
            images.push({ name, data: null, error: new AppError(413, "too_large", `A ZIP may hold at most ${MAX_BULK_FILES} images; this one was skipped.`) });
          } else if (entry.uncompressedSize > MAX_IMAGE_BYTES) {
            images.push({ name, data: null, error: new AppError(413, "too_large", `${basename(name)} is larger than 10 MB. Use a smaller image.`) });
          } else {
            try {
              images.push({ name, data: await readEntry(zip, entry, MAX_IMAGE_BYTES) });
            } catch (err) {
              images.push({ name, data: null, error: err instanceof AppError ? err : invalid(`${basename(name)} could not be extracted from the ZIP.`) });
            }
          }
        })().then(() => zip.readEntry(), reject);
      });
      zip.readEntry();
    });
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw invalid(`The ZIP archive is damaged: ${err instanceof Error ? err.message : "unreadable"}.`);
  } finally {
    zip.close();
  }
  return { images, csv };
}

export function parseCsv(data: Buffer): CsvRow[] {
  try {
    const rows = parse(data, { columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()), bom: true, skip_empty_lines: true, trim: true, relax_column_count: true }) as Record<string, string>[];
    return rows.map((r) => Object.fromEntries(CSV_COLUMNS.filter((c) => r[c] !== undefined && r[c] !== "").map((c) => [c, r[c]])) as CsvRow);
  } catch (err) {
    throw invalid(`The CSV could not be read: ${err instanceof Error ? err.message : "malformed"}. Expected columns: ${CSV_COLUMNS.join(",")}.`);
  }
}

/** "sunny-path_02.jpg" → "Sunny path 02": a usable word when the CSV does not give one. */
export function wordFromFileName(name: string): string {
  const stem = basename(name).replace(/\.[^.]+$/, "").replace(/[-_]+/g, " ").trim();
  return (stem.charAt(0).toUpperCase() + stem.slice(1)).slice(0, 80) || "Card";
}

function bodyFromRow(row: CsvRow | undefined, fileName: string): unknown {
  const prompts = Object.fromEntries((["pause", "expand", "focus", "do"] as const).filter((p) => row?.[p]).map((p) => [p, row![p]]));
  return {
    word: row?.word ?? wordFromFileName(fileName),
    ...(row?.description ? { description: row.description } : {}),
    ...(row?.alt ? { alt: row.alt } : {}),
    ...(Object.keys(prompts).length ? { prompts } : {}),
    ...(row?.tags ? { tags: row.tags.split(/[;|,]/).map((t) => t.trim()).filter(Boolean) } : {}),
  };
}

const failure = (file: string, err: unknown): BulkItem => {
  if (err instanceof AppError) return { file, ok: false, error: { code: err.code, message: err.message } };
  throw err;
};

/**
 * Adds one card per image (and per text-only CSV row in word and question decks). Each file
 * stands alone: a bad one is reported and the good ones are kept.
 */
export async function importBulk(service: CardService, media: CardMedia, actor: OrgActor, deck: DeckWithCount, zip: Buffer, separateCsv: Buffer | null): Promise<BulkItem[]> {
  const { images, csv } = await readZip(zip);
  const rows = parseCsv(separateCsv ?? csv ?? Buffer.alloc(0));
  const rowByFile = new Map(rows.filter((r) => r.file).map((r) => [basename(r.file!).toLowerCase(), r]));
  const used = new Set<string>();
  const items: BulkItem[] = [];

  for (const image of images) {
    const file = basename(image.name);
    used.add(file.toLowerCase());
    if (!image.data) {
      items.push(failure(file, image.error));
      continue;
    }
    const body = CardCreateBody.safeParse(bodyFromRow(rowByFile.get(file.toLowerCase()), file));
    if (!body.success) {
      items.push({ file, ok: false, error: { code: "invalid", message: `${body.error.issues[0].path.join(".") || "row"}: ${body.error.issues[0].message}` } });
      continue;
    }
    try {
      const prepared = await prepareImage(image.data, file);
      items.push({ file, ok: true, card: presentCard(await service.insertCard(actor, deck, body.data, prepared), media) });
    } catch (err) {
      items.push(failure(file, err));
    }
  }

  for (const [i, row] of rows.entries()) {
    if (row.file && used.has(basename(row.file).toLowerCase())) continue;
    const label = row.file ?? `CSV row ${i + 2}`;
    if (row.file) {
      items.push({ file: label, ok: false, error: { code: "not_found", message: `The CSV names ${row.file}, but the ZIP has no file by that name.` } });
      continue;
    }
    const body = CardCreateBody.safeParse(bodyFromRow(row, ""));
    if (!body.success || !row.word) {
      items.push({ file: label, ok: false, error: { code: "invalid", message: "A row without a file needs at least a word." } });
      continue;
    }
    try {
      items.push({ file: label, ok: true, card: presentCard(await service.insertCard(actor, deck, body.data, null), media) });
    } catch (err) {
      items.push(failure(label, err));
    }
  }
  return items;
}
