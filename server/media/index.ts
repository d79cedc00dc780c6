import { randomUUID } from "node:crypto";
import { join } from "node:path";
import type { AppContext } from "../context";
import type { PreparedImage } from "./images";
import { MediaSigner } from "./signing";
import { LocalDiskStorage, type Storage } from "./storage";

export type ImageVariant = "web" | "thumb";

/** Card images as the rest of the server sees them: store, delete, and hand out signed URLs. */
export interface CardMedia {
  storage: Storage;
  signer: MediaSigner;
  /** Stores both variants and returns the image key kept on the card. */
  storeCardImage(orgId: string, image: PreparedImage): Promise<string>;
  deleteCardImage(imageKey: string): Promise<void>;
  /** A signed, expiring URL for one variant of a stored image. */
  urlOf(imageKey: string, variant: ImageVariant): string;
}

// imageKey = "cards/<orgId>/<uuid>"; served at /media/files/<orgId>/<uuid>-<variant>.webp.
const KEY = /^cards\/([0-9a-f-]{36})\/([0-9a-f-]{36})$/;
export const SERVED_FILE = /^([0-9a-f-]{36})-(web|thumb)\.webp$/;

export const fileKey = (imageKey: string, variant: ImageVariant) => `${imageKey}-${variant}.webp`;

const media = new WeakMap<AppContext, CardMedia>();

/** One media service per app (tests build many apps in one process, each with its own data dir). */
export function mediaFor(ctx: AppContext, storage?: Storage): CardMedia {
  const existing = media.get(ctx);
  if (existing) return existing;
  const store = storage ?? new LocalDiskStorage(join(ctx.config.dataDir, "media"));
  const signer = new MediaSigner(ctx.config.secretKey);
  const created: CardMedia = {
    storage: store,
    signer,
    async storeCardImage(orgId, image) {
      const imageKey = `cards/${orgId}/${randomUUID()}`;
      await store.put(fileKey(imageKey, "web"), image.web);
      await store.put(fileKey(imageKey, "thumb"), image.thumb);
      return imageKey;
    },
    async deleteCardImage(imageKey) {
      await store.delete(fileKey(imageKey, "web"));
      await store.delete(fileKey(imageKey, "thumb"));
    },
    urlOf(imageKey, variant) {
      const m = KEY.exec(imageKey);
      if (!m) throw new Error(`Not a card image key: ${imageKey}`);
      return signer.sign(`/media/files/${m[1]}/${m[2]}-${variant}.webp`);
    },
  };
  media.set(ctx, created);
  return created;
}
