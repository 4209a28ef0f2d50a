// `npm run admin -- <command>`: headless set-up. Prints only the result on stdout.
import { parseArgs } from "node:util";
import { connectOrStartEmbedded, type EmbeddedDatabase } from "./lib/embedded-postgres";
import { applyMigrations } from "./lib/migrate";

const USAGE = `usage: npm run admin -- <command> [options]
  user:create  --email E --password P [--name N]        prints the user id
  base:create  --owner E --name N                        prints the base id
  base:grant   --base B --email E --role R
  token:create --email E --name N --scopes s1,s2 [--bases b1,b2] [--expires-days D]   prints the token
  token:revoke --id patXXXXXXXXXXXXXX`;

const OPTIONS = {
  email: { type: "string" },
  password: { type: "string" },
  name: { type: "string" },
  owner: { type: "string" },
  base: { type: "string" },
  role: { type: "string" },
  scopes: { type: "string" },
  bases: { type: "string" },
  id: { type: "string" },
  "expires-days": { type: "string" },
} as const;

type Values = Partial<Record<keyof typeof OPTIONS, string>>;

function required(values: Values, name: keyof Values): string {
  const value = values[name];
  if (!value) throw new Error(`missing --${name}\n${USAGE}`);
  return value;
}

// `--expires-days D`: the token stops working D days from now (1–3650); without it, never.
function expiryOf(days: string | undefined): Date | null {
  if (days === undefined) return null;
  if (!/^\d+$/.test(days) || Number(days) < 1 || Number(days) > 3650) throw new Error("--expires-days must be a whole number of days from 1 to 3650");
  return new Date(Date.now() + Number(days) * 86_400_000);
}

const list = (value: string | undefined) => (value ? value.split(",").map((s) => s.trim()).filter(Boolean) : undefined);

async function run(command: string, v: Values): Promise<string | undefined> {
  const { createUser, requireUserByEmail } = await import("../lib/accounts/users");
  const { createBase, grantBaseRole } = await import("../lib/accounts/bases");
  const { createAccessToken, revokeAccessToken } = await import("../lib/auth/tokens");
  switch (command) {
    case "user:create":
      return (await createUser({ email: required(v, "email"), password: required(v, "password"), name: v.name })).id;
    case "base:create": {
      const owner = await requireUserByEmail(required(v, "owner"));
      return (await createBase({ ownerId: owner.id, name: required(v, "name") })).id;
    }
    case "base:grant": {
      const user = await requireUserByEmail(required(v, "email"));
      await grantBaseRole({ baseId: required(v, "base"), userId: user.id, role: required(v, "role") });
      return undefined;
    }
    case "token:create": {
      const user = await requireUserByEmail(required(v, "email"));
      const created = await createAccessToken({
        userId: user.id,
        name: required(v, "name"),
        scopes: list(required(v, "scopes")) ?? [],
        baseIds: list(v.bases) ?? null,
        expiresAt: expiryOf(v["expires-days"]),
      });
      return created.token;
    }
    case "token:revoke":
      await revokeAccessToken({ tokenId: required(v, "id") });
      return undefined;
    default:
      throw new Error(`unknown command ${command || "(none)"}\n${USAGE}`);
  }
}

async function main() {
  const { positionals, values } = parseArgs({ args: process.argv.slice(2), options: OPTIONS, allowPositionals: true });
  let embedded: EmbeddedDatabase | null = null;
  if (!process.env.DATABASE_URL) {
    embedded = await connectOrStartEmbedded();
    process.env.DATABASE_URL = embedded.url;
    process.env.TABLESYNC_EMBEDDED = "1";
    process.env.DB_POOL_MAX = "2";
    if (embedded.owned) await applyMigrations(embedded.url);
  }
  const { closeDb } = await import("../lib/db");
  try {
    const output = await run(positionals[0] ?? "", values);
    if (output !== undefined) process.stdout.write(output + "\n");
  } finally {
    await closeDb();
    await embedded?.stop();
  }
}

main().catch((err) => {
  const message = err instanceof Error ? err.message : String(err);
  process.stderr.write(`error: ${message}\n`);
  process.exit(1);
});
