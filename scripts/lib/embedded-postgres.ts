// The embedded default database: PGlite (PostgreSQL in WASM) served over the Postgres wire
// protocol on 127.0.0.1, data under .data/. One PGlite instance per data directory, ever: a
// lock file names the process that owns it, and every other process connects to that one.
import { mkdirSync, openSync, readFileSync, rmSync, writeFileSync, closeSync } from "node:fs";
import { createConnection } from "node:net";
import path from "node:path";

const DATA_ROOT = path.resolve(process.env.TABLESYNC_DATA_DIR ?? ".data");
const PGLITE_DIR = path.join(DATA_ROOT, "pglite");
const LOCK_FILE = path.join(DATA_ROOT, "embedded.lock.json");
const DEFAULT_PORT = Number(process.env.TABLESYNC_EMBEDDED_PORT ?? 54329);
// The pool of every process that connects (server, admin CLI, migrations) needs its own slots.
const MAX_CONNECTIONS = 40;

export type EmbeddedDatabase = { url: string; owned: boolean; stop(): Promise<void> };

type LockInfo = { pid: number; port: number };

const urlFor = (port: number) => `postgresql://postgres:postgres@127.0.0.1:${port}/postgres?sslmode=disable`;

function readLock(): LockInfo | null {
  try {
    return JSON.parse(readFileSync(LOCK_FILE, "utf8")) as LockInfo;
  } catch {
    return null;
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: "127.0.0.1", port });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

function takeLock(port: number): boolean {
  mkdirSync(DATA_ROOT, { recursive: true });
  try {
    const fd = openSync(LOCK_FILE, "wx");
    writeFileSync(fd, JSON.stringify({ pid: process.pid, port } satisfies LockInfo));
    closeSync(fd);
    return true;
  } catch {
    return false;
  }
}

// Connect to the embedded server another process runs, or start it here.
export async function connectOrStartEmbedded(): Promise<EmbeddedDatabase> {
  const lock = readLock();
  if (lock && processAlive(lock.pid)) {
    if (!(await portOpen(lock.port))) {
      throw new Error(`The embedded database is being started by process ${lock.pid}; try again in a moment.`);
    }
    return { url: urlFor(lock.port), owned: false, stop: async () => undefined };
  }
  if (lock) rmSync(LOCK_FILE, { force: true });
  if (!takeLock(DEFAULT_PORT)) throw new Error(`Another process took ${LOCK_FILE}; try again.`);

  try {
    const { PGlite } = await import("@electric-sql/pglite");
    const { PGLiteSocketServer } = await import("@electric-sql/pglite-socket");
    mkdirSync(PGLITE_DIR, { recursive: true });
    const db = await PGlite.create(PGLITE_DIR);
    const server = new PGLiteSocketServer({ db, host: "127.0.0.1", port: DEFAULT_PORT, maxConnections: MAX_CONNECTIONS });
    await server.start();
    let stopped = false;
    return {
      url: urlFor(DEFAULT_PORT),
      owned: true,
      async stop() {
        if (stopped) return;
        stopped = true;
        await server.stop();
        await db.close();
        rmSync(LOCK_FILE, { force: true });
      },
    };
  } catch (err) {
    rmSync(LOCK_FILE, { force: true });
    throw err;
  }
}
