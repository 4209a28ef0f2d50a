// The browser's one client for the app's JSON endpoints (management API, grid rows, sync status),
// same origin with the session cookie. A refusal becomes an ApiRequestError that keeps the
// contract's type and message, and the offending parameter when the server named one.
import { ERROR_PARAM_HEADER } from "@/lib/errors";

export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    message: string,
    readonly param: string | null = null,
  ) {
    super(message);
    this.name = "ApiRequestError";
  }
}

export type RequestOptions = RequestInit & { json?: unknown };

export async function apiRequest<T>(path: string, init: RequestOptions = {}): Promise<T> {
  const { json: payload, ...rest } = init;
  const headers = new Headers(rest.headers);
  if (!headers.has("accept")) headers.set("accept", "application/json");
  let body = rest.body;
  if (payload !== undefined) {
    headers.set("content-type", "application/json");
    body = JSON.stringify(payload);
  }
  let res: Response;
  try {
    res = await fetch(path, { ...rest, headers, body, cache: "no-store" });
  } catch {
    throw new ApiRequestError(0, "NETWORK", "Could not reach Tablesync. Check your connection and try again.");
  }
  const text = await res.text();
  let json: unknown = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = null;
  }
  if (!res.ok) {
    const error = (json as { error?: { type?: string; message?: string } } | null)?.error;
    throw new ApiRequestError(
      res.status,
      error?.type ?? "SERVER_ERROR",
      error?.message ?? `The server answered ${res.status}.`,
      res.headers.get(ERROR_PARAM_HEADER),
    );
  }
  return json as T;
}
