// Start the built app (scripts/serve.mjs, `next start` plus the peer address) on a free port and
// wait until it answers.
import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";

export type AppServer = { url: string; port: number; process: ChildProcess; stop(signal?: NodeJS.Signals): Promise<void> };

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const address = srv.address();
      const port = typeof address === "object" && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

export async function startAppServer(options: { databaseUrl: string; embedded?: boolean; port?: number; env?: Record<string, string>; quiet?: boolean }): Promise<AppServer> {
  const port = options.port ?? (await freePort());
  const child = spawn(process.execPath, ["scripts/serve.mjs"], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(port),
      HOST: "127.0.0.1",
      DATABASE_URL: options.databaseUrl,
      TABLESYNC_EMBEDDED: options.embedded ? "1" : "0",
      NEXT_TELEMETRY_DISABLED: "1",
      ...options.env,
    },
    stdio: ["ignore", options.quiet ? "ignore" : "inherit", "inherit"],
    detached: false,
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the app server exited with ${child.exitCode}`);
    try {
      const res = await fetch(`${url}/v0/meta/whoami`);
      if (res.status > 0) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error("the app server did not answer within 30 s");
    await new Promise((r) => setTimeout(r, 150));
  }
  return {
    url,
    port,
    process: child,
    stop: (signal = "SIGTERM") =>
      new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill(signal);
      }),
  };
}
