import "server-only";
import { env } from "../env";
import { ApiError } from "../errors";
import { hitRateLimit } from "../rate-limit/window";

// The Sync API's limit: 20 requests per 5 minutes per base (env-tunable), shared by every server
// process. Counted only for requests that reach the base: after authentication, the content
// type and the size check, so refused requests cannot use up a base's allowance. A CSV that then
// turns out to be invalid (422) has reached the base and counts.
export async function countSyncRequest(baseId: string): Promise<void> {
  const result = await hitRateLimit({
    bucket: `sync:${baseId}`,
    limit: env.SYNC_RATE_LIMIT_MAX,
    windowMs: env.SYNC_RATE_LIMIT_WINDOW_SECONDS * 1000,
  });
  if (!result.allowed) {
    throw new ApiError(
      "RATE_LIMIT_REACHED",
      `Rate limit reached: at most ${env.SYNC_RATE_LIMIT_MAX} sync requests per ${describeWindow(env.SYNC_RATE_LIMIT_WINDOW_SECONDS)} for a base. Try again in ${result.retryAfterSeconds} seconds.`,
      { retryAfterSeconds: result.retryAfterSeconds },
    );
  }
}

const describeWindow = (seconds: number) => (seconds % 60 === 0 ? `${seconds / 60} minutes` : `${seconds} seconds`);
