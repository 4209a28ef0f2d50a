import "server-only";
import { cookies } from "next/headers";
import { ApiError, ERROR_PARAM_HEADER, errorBody, toApiError } from "../errors";
import { authenticateBearer } from "../auth/tokens";
import { SESSION_COOKIE, sessionPrincipal } from "../auth/sessions";
import type { Principal } from "../auth/permissions";
import { env } from "../env";
import { isSameOrigin } from "./csrf";

type RouteParams = Record<string, string>;

export type ApiContext<P extends RouteParams> = { req: Request; params: P; principal: Principal };

type Handler<P extends RouteParams> = (ctx: ApiContext<P>) => Promise<Response | unknown>;

// The one wrapper for API routes: authenticate (bearer token, or the browser's session for the
// app's own pages), run the handler, and map every error to the contract's JSON in one place.
export function apiRoute<P extends RouteParams>(handler: Handler<P>) {
  return async (req: Request, context: { params: Promise<P> }): Promise<Response> => {
    try {
      const principal = await authenticate(req);
      const result = await handler({ req, params: await context.params, principal });
      return result instanceof Response ? result : Response.json(result);
    } catch (err) {
      return errorResponse(err);
    }
  };
}

async function authenticate(req: Request): Promise<Principal> {
  const header = req.headers.get("authorization");
  if (header) return authenticateBearer(header);
  const session = await sessionPrincipal((await cookies()).get(SESSION_COOKIE)?.value);
  if (session) {
    // A session cookie rides along with cross-site requests; only same-origin ones may change things.
    if (req.method !== "GET" && req.method !== "HEAD" && !isSameOrigin(req, { trustedProxies: env.TRUST_PROXY, publicUrl: env.PUBLIC_URL })) {
      throw new ApiError("INVALID_PERMISSIONS_OR_MODEL_NOT_FOUND", "Cross-site request refused.");
    }
    return session;
  }
  return authenticateBearer(null);
}

export function errorResponse(err: unknown): Response {
  const apiError = toApiError(err);
  if (apiError.type === "SERVER_ERROR" || apiError.type === "RETRIABLE_ERROR") {
    // Log the cause without request data: headers and bodies may carry tokens. Prisma's messages
    // quote the failing call over many lines; the last line is the cause.
    const e = err as { name?: string; message?: string; code?: string };
    const cause = (e?.message ?? "").split("\n").filter((line) => line.trim()).pop() ?? "";
    console.error(`api error ${apiError.type}: ${e?.name ?? "Error"} ${e?.code ?? ""} ${cause.slice(0, 300)}`.trim());
  }
  const headers: Record<string, string> = {};
  if (apiError.retryAfterSeconds !== undefined) headers["Retry-After"] = String(apiError.retryAfterSeconds);
  // Params are schema keys and indexes; anything else (never expected) is left out, not sent garbled.
  if (apiError.param && /^[\x21-\x7e]{1,200}$/.test(apiError.param)) headers[ERROR_PARAM_HEADER] = apiError.param;
  if (apiError.status === 401) headers["WWW-Authenticate"] = 'Bearer realm="tablesync"';
  // The rest of a refused oversized body is never read: the connection cannot carry another request.
  if (apiError.type === "REQUEST_TOO_LARGE") headers.Connection = "close";
  return Response.json(errorBody(apiError), { status: apiError.status, headers });
}
