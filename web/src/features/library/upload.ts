import { ApiError, api } from "../../lib/api";

/**
 * Uploads with progress. fetch cannot report upload progress, so this uses XMLHttpRequest
 * with the same headers the API client sends (bearer token, X-Org-Id).
 *
 * The shared client keeps its access token private; the only public way to obtain one is
 * `api.refresh()`, which is what the client itself does after a reload. A token fetched
 * that way is kept here until the session changes or the server answers 401.
 */
let token: string | null = null;
api.subscribe(() => {
  // Any session change (sign-out, another user, a refresh elsewhere) may invalidate it.
  if (!api.isSignedIn()) token = null;
});

async function freshToken(): Promise<string> {
  const next = await api.refresh();
  if (!next) throw new ApiError({ status: 401, code: "unauthenticated", message: "unauthenticated", hasServerMessage: false });
  token = next;
  return next;
}

export interface UploadProgress {
  loaded: number;
  total: number;
}

export interface UploadOptions {
  method?: "POST" | "PUT";
  onProgress?: (progress: UploadProgress) => void;
  signal?: AbortSignal;
}

function errorFrom(xhr: XMLHttpRequest): ApiError {
  let code = xhr.status === 413 ? "too_large" : xhr.status === 415 ? "unsupported_type" : xhr.status === 401 ? "unauthenticated" : xhr.status >= 500 ? "internal" : "invalid";
  let message = "";
  let details: unknown;
  try {
    const body = JSON.parse(xhr.responseText) as { error?: { code?: unknown; message?: unknown; details?: unknown } };
    if (typeof body.error?.code === "string") code = body.error.code;
    if (typeof body.error?.message === "string") message = body.error.message;
    details = body.error?.details;
  } catch {
    // A proxy's HTML page or an empty body: the status decides the code.
  }
  const retry = xhr.getResponseHeader("Retry-After");
  return new ApiError({
    status: xhr.status,
    code,
    message: message || code,
    details,
    hasServerMessage: message.length > 0,
    retryAfterSeconds: retry && /^\d+$/.test(retry) ? Number(retry) : undefined,
  });
}

function send<T>(path: string, form: FormData, bearer: string, opts: UploadOptions): Promise<{ status: number; result?: T; error?: ApiError }> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open(opts.method ?? "POST", path);
    xhr.setRequestHeader("Accept", "application/json");
    xhr.setRequestHeader("Authorization", `Bearer ${bearer}`);
    const orgId = api.getOrgId();
    if (orgId) xhr.setRequestHeader("X-Org-Id", orgId);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) opts.onProgress?.({ loaded: e.loaded, total: e.total });
    };
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        resolve({ status: xhr.status, result: (xhr.responseText ? JSON.parse(xhr.responseText) : undefined) as T });
      } else {
        resolve({ status: xhr.status, error: errorFrom(xhr) });
      }
    };
    xhr.onerror = () => reject(new ApiError({ status: 0, code: "network", message: "network", hasServerMessage: false }));
    xhr.onabort = () => reject(new DOMException("Upload cancelled", "AbortError"));
    opts.signal?.addEventListener("abort", () => xhr.abort(), { once: true });
    xhr.send(form);
  });
}

/** Sends a multipart form to the API and resolves with the parsed answer; rejects with ApiError. */
export async function uploadForm<T>(path: string, form: FormData, opts: UploadOptions = {}): Promise<T> {
  let outcome = await send<T>(path, form, token ?? (await freshToken()), opts);
  if (outcome.status === 401 && outcome.error?.code === "unauthenticated") {
    outcome = await send<T>(path, form, await freshToken(), opts);
  }
  if (outcome.error) throw outcome.error;
  return outcome.result as T;
}
