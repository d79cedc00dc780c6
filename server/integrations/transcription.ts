import { existsSync, statSync } from "node:fs";
import { basename, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import type { TranscriptionStatus } from "../../domain/api/media";
import type { Config } from "../config";

/** What a transcription engine does: audio in, words out. Engines run on this server only. */
export interface TranscriptionEngine {
  readonly name: string;
  transcribe(audio: Uint8Array, options: { mimeType: string; language?: string }): Promise<{ text: string; language: string | null }>;
  close?(): Promise<void>;
}

/** Builds an engine from its model file; throws when the model cannot be loaded. */
export type EngineFactory = (modelPath: string) => Promise<TranscriptionEngine>;

/**
 * Engines the studio can use, by name. None ships by default: a deployment that wants server-side
 * transcription either registers one in code or sets TRANSCRIBE_ENGINE to the path of a module
 * (`.js` or `.mjs`) whose default export is an `EngineFactory` (for example a wrapper around a
 * whisper.cpp binding), and points TRANSCRIBE_MODEL at its model file. Without both, the studio
 * reports that transcription is unavailable.
 */
const engines = new Map<string, EngineFactory>();

export function registerTranscriptionEngine(name: string, factory: EngineFactory): () => void {
  engines.set(name, factory);
  return () => {
    if (engines.get(name) === factory) engines.delete(name);
  };
}

export interface Transcription {
  status(): Promise<TranscriptionStatus>;
  /** The engine, or null when transcription is unavailable (see `status().reason`). */
  engine(): Promise<TranscriptionEngine | null>;
  close(): Promise<void>;
}

export function transcriptionService(config: Config["transcription"]): Transcription {
  let loaded: Promise<{ engine: TranscriptionEngine | null; status: TranscriptionStatus }> | null = null;

  async function load() {
    const unavailable = (reason: string, engine: string | null = null) => ({ engine: null, status: { available: false, engine, reason } });
    if (!config.model) return unavailable("No transcription model is configured on this server (TRANSCRIBE_MODEL).");
    if (!existsSync(config.model) || !statSync(config.model).isFile()) return unavailable("The configured transcription model file was not found on this server.");
    const name = config.engine ?? [...engines.keys()][0];
    let factory = name ? engines.get(name) : undefined;
    if (name && !factory && /\.m?js$/.test(name)) {
      try {
        const mod = (await import(pathToFileURL(resolve(name)).href)) as { default?: unknown };
        if (typeof mod.default !== "function") return unavailable(`The transcription engine module ${basename(name)} has no default export that builds an engine.`, basename(name));
        factory = mod.default as EngineFactory;
      } catch (err) {
        return unavailable(`The transcription engine module ${basename(name)} could not be loaded: ${(err as Error).message}`.slice(0, 300), basename(name));
      }
    }
    if (!name || !factory) return unavailable(name ? `The transcription engine "${name}" is not installed on this server.` : "No transcription engine is installed on this server.", name ?? null);
    try {
      const engine = await factory(config.model);
      return { engine, status: { available: true, engine: engine.name, reason: null } };
    } catch (err) {
      return unavailable(`The transcription engine could not load its model: ${(err as Error).message}`.slice(0, 300), name);
    }
  }

  const ensure = () => (loaded ??= load());
  return {
    async status() {
      return (await ensure()).status;
    },
    async engine() {
      return (await ensure()).engine;
    },
    async close() {
      if (!loaded) return;
      const { engine } = await loaded;
      await engine?.close?.();
    },
  };
}
