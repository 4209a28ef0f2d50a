import "server-only";
import { env } from "../env";
import { hitRateLimit, type RateLimitResult } from "../rate-limit/window";

// The sign-up form creates accounts (and spends a scrypt hash) for anyone: at most
// SIGN_UP_LIMIT_PER_HOUR per client address, counted in Postgres like every other limit.
export const SIGN_UP_WINDOW_MS = 60 * 60_000;

export function hitSignUpLimit(ip: string, limit = env.SIGN_UP_LIMIT_PER_HOUR): Promise<RateLimitResult> {
  return hitRateLimit({ bucket: `signup:ip:${ip}`, limit, windowMs: SIGN_UP_WINDOW_MS });
}
