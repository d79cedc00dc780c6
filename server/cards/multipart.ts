import type { FastifyRequest } from "fastify";
import { AppError, invalid, tooLarge, unsupportedType } from "../errors";

export interface UploadedFile {
  field: string;
  filename: string;
  data: Buffer;
}
export interface MultipartForm {
  fields: Record<string, string>;
  files: UploadedFile[];
}

const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;

/**
 * Reads a whole multipart form with hard limits. Files are buffered: they are at most a few
 * megabytes (a ZIP at most `maxFileBytes`) and every later step (type sniffing, sharp, yauzl)
 * needs the bytes anyway.
 */
export async function readMultipart(req: FastifyRequest, opts: { maxFileBytes: number; maxFiles: number; what: string }): Promise<MultipartForm> {
  if (!req.isMultipart()) throw unsupportedType("Send this request as multipart/form-data.");
  const form: MultipartForm = { fields: {}, files: [] };
  try {
    for await (const part of req.parts({ limits: { fileSize: opts.maxFileBytes, files: opts.maxFiles, fields: 40, fieldSize: 20_000, parts: 60 } })) {
      if (part.type === "file") {
        form.files.push({ field: part.fieldname, filename: part.filename || part.fieldname, data: await part.toBuffer() });
      } else if (typeof part.value === "string") {
        form.fields[part.fieldname] = part.value;
      }
    }
  } catch (err) {
    if (err instanceof AppError) throw err;
    const code = (err as { code?: string }).code;
    if (code === "FST_REQ_FILE_TOO_LARGE") throw tooLarge(`The ${opts.what} is larger than ${mb(opts.maxFileBytes)}.`);
    if (code === "FST_FILES_LIMIT") throw tooLarge(`Send at most ${opts.maxFiles} file(s) in one request.`);
    if (code === "FST_PARTS_LIMIT" || code === "FST_FIELDS_LIMIT") throw tooLarge("The form has too many fields.");
    if (code === "FST_INVALID_MULTIPART_CONTENT_TYPE" || code === "FST_PROTO_VIOLATION") throw invalid("The multipart form could not be read.");
    // A truncated or malformed body is the client's problem, never a 500.
    if (err instanceof Error && /multipart|boundary|unexpected end/i.test(err.message)) throw invalid(`The multipart form could not be read: ${err.message}.`);
    throw err;
  }
  return form;
}

function parseList(value: string): string[] {
  const v = value.trim();
  if (v.startsWith("[")) {
    try {
      const parsed: unknown = JSON.parse(v);
      if (Array.isArray(parsed)) return parsed.map(String);
    } catch {
      throw invalid("tags: send a JSON array or a comma-separated list.");
    }
  }
  return v.split(/[,;|]/).map((t) => t.trim()).filter(Boolean);
}

const PHASES = ["pause", "expand", "focus", "do"] as const;

/**
 * Form fields into the JSON body shape, so one zod schema validates both ways of adding a
 * card. Prompts may come as a JSON object or as `pause`/`prompts.pause`… fields.
 */
export function cardFieldsToBody(fields: Record<string, string>): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const key of ["word", "description", "alt", "language"] as const) if (fields[key] !== undefined) body[key] = fields[key];
  if (fields.tags !== undefined) body.tags = parseList(fields.tags);
  let prompts: Record<string, unknown> | undefined;
  if (fields.prompts !== undefined) {
    try {
      prompts = JSON.parse(fields.prompts) as Record<string, unknown>;
    } catch {
      throw invalid("prompts: send a JSON object such as {\"pause\": \"…\"}.");
    }
  }
  for (const phase of PHASES) {
    const value = fields[`prompts.${phase}`] ?? fields[phase];
    if (value !== undefined && value.trim()) (prompts ??= {})[phase] = value;
  }
  if (prompts !== undefined) body.prompts = prompts;
  return body;
}
