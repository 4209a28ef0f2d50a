// Quotas (#16, finding 8): a server may cap the bases a user owns (MAX_BASES_PER_USER) and the syncs
// one base holds (MAX_SYNCS_PER_BASE). Counted and created in one locked transaction, so parallel
// requests cannot overshoot; a refusal is the contract's 422 and creates nothing.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startAppServer, type AppServer } from "@/scripts/lib/app-server";
import { makeOwnerSetup, makeUser } from "../support/fixtures";

const run = promisify(execFile);
const getPool = async () => (await import("@/lib/db")).getPool();
let capped: AppServer;

beforeAll(async () => {
  capped = await startAppServer({ databaseUrl: process.env.DATABASE_URL!, quiet: true, env: { MAX_SYNCS_PER_BASE: "3" } });
});
afterAll(async () => capped?.stop());

describe("quotas", () => {
  it("refuses a base's sync past MAX_SYNCS_PER_BASE, also under parallel requests", async () => {
    const { base, token } = await makeOwnerSetup();
    const create = () =>
      fetch(`${capped.url}/v0/meta/bases/${base.id}/syncs`, {
        method: "POST",
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
        body: JSON.stringify({ name: `T${Math.random()}` }),
      });
    const answers = await Promise.all(Array.from({ length: 6 }, create));
    expect(answers.map((r) => r.status).sort()).toEqual([200, 200, 200, 422, 422, 422]);
    const refused = await answers.find((r) => r.status === 422)!.json();
    expect(refused.error).toEqual({
      type: "INVALID_REQUEST_UNKNOWN",
      message: expect.stringMatching(/already has 3 syncs.*MAX_SYNCS_PER_BASE/),
    });
    const { rows } = await (await getPool()).query(`SELECT count(*)::int AS n FROM sync_endpoints WHERE base_id = $1`, [base.id]);
    expect(rows[0].n).toBe(3);
  });

  it("refuses a base past MAX_BASES_PER_USER (admin CLI with the setting)", async () => {
    const user = await makeUser("quota");
    const env = { ...process.env, MAX_BASES_PER_USER: "2" };
    const admin = (...args: string[]) => run("npm", ["run", "--silent", "admin", "--", ...args], { env });
    await admin("base:create", "--owner", user.email, "--name", "One");
    await admin("base:create", "--owner", user.email, "--name", "Two");
    const third = await admin("base:create", "--owner", user.email, "--name", "Three").then(
      () => null,
      (err: { stderr: string; code: number }) => err,
    );
    expect(third?.code).not.toBe(0);
    expect(third?.stderr).toMatch(/already own 2 bases.*MAX_BASES_PER_USER/);
    const { rows } = await (await getPool()).query(`SELECT count(*)::int AS n FROM base_members WHERE user_id = $1 AND role = 'owner'`, [user.id]);
    expect(rows[0].n).toBe(2);
  });
});
