import "server-only";
import { invalidRequest } from "../errors";
import { errorResponse } from "../http/api";
import { syncLimits } from "../env";
import { requireContentType } from "../http/body";
import { readEncodedBody } from "../http/encoded-body";
import type { RateLimitState } from "../rate-limit/window";
import type { SyncEndpointRef } from "./endpoints";
import { claimIdempotencyKey, idempotencyKeyOf, settleIdempotencyKey, type Claim } from "./idempotency";
import { countSyncRequest, peekSyncRateLimit, rateLimitHeaders } from "./rate-limit";
import { receiveSyncRequest } from "./receive";
import { recordRefusal } from "./refusals";
import type { RefusalJson } from "../sync-shapes/json";

// POST …/sync/{syncId} once the token may feed this sync: the idempotency key (a repeat answers
// the first answer, uncounted), content type and encoding (415), size (413), the rate limit (429),
// then the request itself. Every answer carries the rate-limit headers.
export async function handleSyncPost(req: Request, sync: SyncEndpointRef): Promise<Response> {
  let limit: RateLimitState | undefined;
  let claim: Claim | undefined;
  let response: Response;
  try {
    const key = idempotencyKeyOf(req);
    claim = key === null ? undefined : await claimIdempotencyKey(sync.id, key);
    if (claim?.kind === "replay") {
      const { status, body } = claim.answer;
      response = new Response(body, { status, headers: { "content-type": "application/json", "Idempotent-Replayed": "true" } });
    } else {
      const query = new URL(req.url).searchParams;
      const dryRun = flag(query, "dryRun");
      const allowMassDeletion = flag(query, "allowMassDeletion");
      requireContentType(req, "text/csv");
      const body = await readEncodedBody(req, syncLimits.maxBodyBytes);
      limit = await countSyncRequest(sync.baseId);
      response = Response.json(await receiveSyncRequest({ sync, body, dryRun, allowMassDeletion }));
    }
  } catch (err) {
    response = errorResponse(err);
  }
  if (response.status >= 400 && claim?.kind !== "replay") await recordRefusal(sync.id, await refusalOf(response));
  if (claim?.kind === "claimed") {
    await settleIdempotencyKey(sync.id, claim.key, { status: response.status, body: await response.clone().text() });
  }
  limit ??= await peekSyncRateLimit(sync.baseId).catch(() => undefined);
  if (limit) for (const [name, value] of Object.entries(rateLimitHeaders(limit))) response.headers.set(name, value);
  return response;
}

async function refusalOf(response: Response): Promise<RefusalJson> {
  const body = (await response.clone().json().catch(() => null)) as { error?: { type?: string; message?: string } } | null;
  return { at: new Date().toISOString(), status: response.status, type: body?.error?.type ?? "SERVER_ERROR", message: body?.error?.message ?? "" };
}

// `?name=true` / `?name=false` (absent: false); anything else is refused, naming the parameter.
function flag(query: URLSearchParams, name: string): boolean {
  const value = query.get(name);
  if (value === null || value === "false") return false;
  if (value === "true") return true;
  throw invalidRequest(`${name}: send true or false`, name);
}
