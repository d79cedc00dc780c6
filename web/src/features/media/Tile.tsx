import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import type { LinkStatus } from "./engine";

export interface TileProps {
  id: string;
  name: string;
  stream: MediaStream | null;
  self: boolean;
  audio: boolean;
  video: boolean;
  screen: boolean;
  speaking: boolean;
  status?: LinkStatus;
}

/** One person in the grid: their picture (or initials), name, and what is on or off, in words as well as looks. */
export function Tile({ id, name, stream, self, audio, video, screen, speaking, status }: TileProps) {
  const { t } = useTranslation("media");
  const ref = useRef<HTMLVideoElement>(null);
  const tracks = stream?.getTracks().length ?? 0;

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    if (el.srcObject !== stream) el.srcObject = stream;
    // Autoplay can be refused until the person interacts; the join click normally counts.
    void el.play().catch(() => undefined);
  }, [stream, tracks]);

  const showPicture = (video || screen) && (stream?.getVideoTracks().length ?? 0) > 0;
  const initials = name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((w) => w[0]?.toUpperCase())
    .join("");
  const notes = [!audio ? t("muted") : null, !video && !screen ? t("cameraIsOff") : null, screen ? t("sharing") : null, status === "connecting" ? t("connecting") : null, status === "reconnecting" ? t("reconnecting") : null].filter(Boolean);

  return (
    <li
      data-testid="media-tile"
      data-peer={id}
      data-self={self}
      data-muted={!audio}
      data-speaking={speaking}
      className={`relative aspect-video overflow-hidden rounded-lg bg-stone-800 text-white ${speaking ? "outline-4 outline-offset-2 outline-brand-500 dark:outline-brand-300" : ""}`}
    >
      {/* The element also plays the person's sound, so it stays even when the camera is off. */}
      {/* A shared screen is content in its own right, so it is named for screen readers; a camera picture is not. */}
      <video
        ref={ref}
        autoPlay
        playsInline
        muted={self}
        className={`h-full w-full ${screen ? "object-contain" : "object-cover"} ${showPicture ? "" : "invisible"} ${self && !screen ? "-scale-x-100" : ""}`}
        aria-hidden={screen && showPicture ? undefined : true}
        aria-label={screen && showPicture ? (self ? t("yourSharedScreen") : t("sharedScreenOf", { name })) : undefined}
        data-screen={screen && showPicture}
      />
      {showPicture ? null : (
        <span aria-hidden="true" className="absolute inset-0 flex items-center justify-center text-3xl font-bold">
          {initials || "?"}
        </span>
      )}
      <div className="absolute inset-x-0 bottom-0 flex flex-wrap items-center gap-x-2 bg-stone-950/75 px-2 py-1 text-sm">
        <span className="font-semibold">{name}</span>
        {speaking ? <span className="rounded bg-brand-700 px-1 text-xs">{t("speaking")}</span> : null}
        {notes.map((n) => (
          <span key={n} className="text-xs">
            {n === t("muted") ? <span aria-hidden="true">🔇 </span> : null}
            {n}
          </span>
        ))}
      </div>
    </li>
  );
}
