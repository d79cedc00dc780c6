import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from "fastify-type-provider-zod";
import { AppError } from "../errors";

interface Issue {
  instancePath?: string;
  message?: string;
  params?: { issue?: { path?: (string | number)[]; message?: string } };
}

/** Turns request validation issues into `{fieldErrors: {field: [message]}}` the web app can place beside inputs. */
function fieldErrors(issues: Issue[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of issues) {
    const path = issue.params?.issue?.path ?? issue.instancePath?.split("/").filter(Boolean) ?? [];
    const key = path.length ? path.join(".") : "_";
    (out[key] ??= []).push(issue.params?.issue?.message ?? issue.message ?? "Invalid value");
  }
  return out;
}

function send(reply: FastifyReply, status: number, code: string, message: string, details?: unknown) {
  return reply.code(status).type("application/json; charset=utf-8").send({ error: details === undefined ? { code, message } : { code, message, details } });
}

/** The one place errors become HTTP answers: client mistakes are 4xx with a clear message, never a 5xx. */
export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError | AppError | Error, req: FastifyRequest, reply: FastifyReply) => {
    if (err instanceof AppError) {
      if (err.headers) for (const [k, v] of Object.entries(err.headers)) reply.header(k, v);
      return send(reply, err.status, err.code, err.message, err.details);
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const fe = fieldErrors(err.validation as Issue[]);
      const where = (err as FastifyError).validationContext ?? "body";
      const first = Object.entries(fe)[0];
      const message = first ? `${first[0] === "_" ? where : first[0]}: ${first[1][0]}` : "The request is not valid.";
      return send(reply, 400, "invalid", message, { in: where, fieldErrors: fe });
    }
    if (isResponseSerializationError(err)) {
      req.log.error({ err, issues: err.cause.issues }, "response did not match its schema");
      return send(reply, 500, "internal", "Something went wrong on our side. Please try again.");
    }
    const fe = err as FastifyError;
    const status = fe.statusCode ?? 500;
    if (status < 500) {
      const code =
        status === 413 ? "too_large" : status === 415 ? "unsupported_type" : status === 404 ? "not_found" : status === 429 ? "rate_limited" : status === 401 ? "unauthenticated" : status === 403 ? "forbidden" : "invalid";
      const message =
        fe.code === "FST_ERR_CTP_INVALID_JSON_BODY" || err instanceof SyntaxError
          ? "The request body is not valid JSON."
          : fe.code === "FST_ERR_CTP_BODY_TOO_LARGE"
            ? "The request body is too large."
            : fe.code === "FST_ERR_CTP_INVALID_MEDIA_TYPE"
              ? "This content type is not supported. Send JSON."
              : fe.code === "FST_ERR_CTP_EMPTY_JSON_BODY"
                ? "The request body is empty; send a JSON object."
                : err.message;
      return send(reply, status, code, message);
    }
    req.log.error({ err }, "unhandled error");
    return send(reply, 500, "internal", "Something went wrong on our side. Please try again.");
  });
}
