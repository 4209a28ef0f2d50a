// A throw-away PgBouncer (Debian's `pgbouncer`) in transaction pooling mode in front of the test
// Postgres, on a free port with its config in a temporary directory: the test command runs the
// sync, concurrency and fault suites through it to prove the app scales out that way.
import { execFileSync, spawn } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createConnection } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { freePort } from "./app-server";

export type PgBouncer = { port: number; urlFor(databaseUrl: string): string; log(): string; stop(): Promise<void> };

export function findPgBouncer(): string | null {
  for (const candidate of ["/usr/sbin/pgbouncer", "/usr/bin/pgbouncer"]) if (existsSync(candidate)) return candidate;
  return null;
}

export async function startPgBouncer(options: { serverHost?: string; serverPort?: number } = {}): Promise<PgBouncer> {
  const binary = findPgBouncer();
  if (!binary) throw new Error("pgbouncer is not installed (apt-get install -y pgbouncer)");
  const dir = mkdtempSync(path.join(tmpdir(), "tablesync-pgbouncer-"));
  const port = await freePort();
  const ini = path.join(dir, "pgbouncer.ini");
  const logFile = path.join(dir, "pgbouncer.log");
  writeFileSync(path.join(dir, "users.txt"), "");
  writeFileSync(
    ini,
    [
      "[databases]",
      // every database name maps to the same name on the test server, as user postgres (trust)
      `* = host=${options.serverHost ?? "127.0.0.1"} port=${options.serverPort ?? 5432} user=postgres`,
      "[pgbouncer]",
      "listen_addr = 127.0.0.1",
      `listen_port = ${port}`,
      "unix_socket_dir =",
      "auth_type = any",
      `auth_file = ${path.join(dir, "users.txt")}`,
      "pool_mode = transaction",
      "max_client_conn = 500",
      "default_pool_size = 20",
      "server_reset_query =",
      // node-postgres sends none of these, but a client library may; they are harmless per session
      "ignore_startup_parameters = extra_float_digits,options",
      `logfile = ${logFile}`,
      "",
    ].join("\n"),
  );
  // PgBouncer refuses to run as root: switch to the postgres system user then.
  const isRoot = process.getuid?.() === 0;
  if (isRoot) {
    const uid = Number(execFileSync("id", ["-u", "postgres"]).toString().trim());
    const gid = Number(execFileSync("id", ["-g", "postgres"]).toString().trim());
    for (const f of [dir, ini, path.join(dir, "users.txt")]) chownSync(f, uid, gid);
  }
  const child = spawn(binary, [...(isRoot ? ["-u", "postgres"] : []), ini], { stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr?.on("data", (d) => (stderr += d));
  const deadline = Date.now() + 10_000;
  while (!(await listening(port))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`pgbouncer did not start: ${stderr}${existsSync(logFile) ? readFileSync(logFile, "utf8") : ""}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    port,
    urlFor(databaseUrl) {
      const url = new URL(databaseUrl);
      url.host = `127.0.0.1:${port}`;
      return url.toString();
    },
    log: () => (existsSync(logFile) ? readFileSync(logFile, "utf8") : ""),
    stop: () =>
      new Promise<void>((resolve) => {
        const done = () => {
          rmSync(dir, { recursive: true, force: true });
          resolve();
        };
        if (child.exitCode !== null || child.signalCode !== null) return done();
        child.once("exit", done);
        child.kill("SIGTERM");
      }),
  };
}

function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: "127.0.0.1", port }, () => {
      socket.end();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}
