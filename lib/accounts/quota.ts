import "server-only";
import { db, type DbClient } from "../db";
import { invalidRequest } from "../errors";

type Tx = Parameters<Parameters<DbClient["$transaction"]>[0]>[0];

// Creates something only while its owner is under a quota, counted and created in one
// transaction under an advisory lock on the owner, so parallel requests cannot overshoot it.
export async function createWithinQuota<T>(input: {
  lockKey: string;
  limit: number;
  count: (tx: Tx) => Promise<number>;
  refusal: (limit: number) => string;
  create: (tx: Tx) => Promise<T>;
}): Promise<T> {
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`tablesync:quota:${input.lockKey}`}, 0))`;
    if ((await input.count(tx)) >= input.limit) throw invalidRequest(input.refusal(input.limit), "quota");
    return input.create(tx);
  });
}
