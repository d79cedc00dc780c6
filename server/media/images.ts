import { fileTypeFromBuffer } from "file-type";
import sharp from "sharp";
import { invalid, tooLarge, unsupportedType } from "../errors";

export const MAX_IMAGE_BYTES = 10 * 1024 * 1024;
export const WEB_MAX_PX = 1600;
export const THUMB_MAX_PX = 400;
const ACCEPTED = new Set(["image/png", "image/jpeg", "image/webp"]);
// Decompression bombs: a small file can claim billions of pixels; refuse before decoding them.
const MAX_INPUT_PIXELS = 60_000_000;

export interface PreparedImage {
  web: Buffer;
  thumb: Buffer;
  width: number;
  height: number;
}

const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;

/**
 * Checks an upload by its bytes (never its name or declared type), then stores only what the
 * studio needs: a web-sized WebP and a thumbnail, with metadata (GPS, camera, names) stripped.
 */
export async function prepareImage(bytes: Buffer, fileName: string): Promise<PreparedImage> {
  if (bytes.length > MAX_IMAGE_BYTES) throw tooLarge(`${fileName} is larger than ${mb(MAX_IMAGE_BYTES)}. Use a smaller image.`);
  if (bytes.length === 0) throw invalid(`${fileName} is empty.`);
  const type = await fileTypeFromBuffer(bytes);
  if (!type || !ACCEPTED.has(type.mime)) {
    const seen = type ? `it is ${type.mime}` : "its content is not a recognised image";
    throw unsupportedType(`${fileName} is not a PNG, JPEG or WebP image (${seen}).`);
  }
  try {
    // rotate() applies the camera's orientation before the metadata that records it is dropped.
    const source = sharp(bytes, { failOn: "error", limitInputPixels: MAX_INPUT_PIXELS }).rotate();
    const web = await source
      .clone()
      .resize({ width: WEB_MAX_PX, height: WEB_MAX_PX, fit: "inside", withoutEnlargement: true })
      .webp({ quality: 82 })
      .toBuffer({ resolveWithObject: true });
    const thumb = await source
      .clone()
      .resize({ width: THUMB_MAX_PX, height: THUMB_MAX_PX, fit: "inside", withoutEnlargement: true })
      .webp({ quality: 75 })
      .toBuffer();
    return { web: web.data, thumb, width: web.info.width, height: web.info.height };
  } catch (err) {
    const reason = err instanceof Error && /pixel limit/i.test(err.message) ? "it has too many pixels" : "the file may be damaged or incomplete";
    throw invalid(`${fileName} could not be read as an image: ${reason}.`);
  }
}
