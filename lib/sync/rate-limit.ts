import "server-only";
import { env } from "../env";
import { ApiError } from "../errors";
import { hitRateLimit, peekRateLimit, type RateLimitState } from "../rate-limit/window";

// The Sync API's limit: 20 requests per 5 minutes per base (env-tunable), shared by every server
// process. Counted only for requests that reach the base: after authentication, the content
// type and the size check, so refused requests cannot use up a base's allowance. A CSV that then
// turns out to be invalid (422) has reached the base and counts. Every answer of the Sync API
// carries the window's state (rateLimitHeaders), so a sender can pace itself.

const window = (baseId: string) => ({
  bucket: `sync:${baseId}`,
  limit: env.SYNC_RATE_LIMIT_MAX,
  windowMs: env.SYNC_RATE_LIMIT_WINDOW_SECONDS * 1000,
});

// Counts one request; a request over the limit is refused with 429 and the state it saw.
export async function countSyncRequest(baseId: string): Promise<RateLimitState> {
  const result = await hitRateLimit(window(baseId));
  if (!result.allowed) {
    throw new ApiError(
      "RATE_LIMIT_REACHED",
      `Rate limit reached: at most ${env.SYNC_RATE_LIMIT_MAX} sync requests per ${describeWindow(env.SYNC_RATE_LIMIT_WINDOW_SECONDS)} for a base. Try again in ${result.retryAfterSeconds} seconds.`,
      { retryAfterSeconds: result.retryAfterSeconds },
    );
  }
  return result;
}

// The state without counting: for answers given before the request is counted, or never counted.
export const peekSyncRateLimit = (baseId: string): Promise<RateLimitState> => peekRateLimit(window(baseId));

// The IETF draft's names (draft-ietf-httpapi-ratelimit-headers).
export function rateLimitHeaders(state: RateLimitState): Record<string, string> {
  return {
    "RateLimit-Limit": String(state.limit),
    "RateLimit-Remaining": String(state.remaining),
    "RateLimit-Reset": String(state.resetSeconds),
  };
}

const describeWindow = (seconds: number) => (seconds % 60 === 0 ? `${seconds / 60} minutes` : `${seconds} seconds`);
