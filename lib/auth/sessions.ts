import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { db } from "../db";
import { env } from "../env";
import { SCOPES, type Scope } from "./scopes";

export const SESSION_COOKIE = "tablesync_session";
const SESSION_DAYS = 30;
// Use is recorded at most this often, so a page full of requests writes once.
const TOUCH_EVERY_MS = 60_000;

export type SessionPrincipal = {
  kind: "session";
  userId: string;
  sessionId: string;
  scopes: Scope[];
  allBases: true;
  baseIds: string[];
};

const hashSessionValue = (value: string) => createHash("sha256").update(value).digest("hex");

// The cookie carries a random value; the database keeps only its hash, so a leaked database
// does not leak live sessions.
export async function createSession(userId: string): Promise<{ value: string; expiresAt: Date }> {
  const value = randomBytes(32).toString("base64url");
  const expiresAt = new Date(Date.now() + SESSION_DAYS * 86_400_000);
  await db.session.create({ data: { id: hashSessionValue(value), userId, expiresAt } });
  return { value, expiresAt };
}

export async function deleteSession(value: string): Promise<void> {
  await db.session.deleteMany({ where: { id: hashSessionValue(value) } });
}

// A session ends 30 days after sign-in, or after SESSION_IDLE_MINUTES without use.
export async function findSession(value: string | undefined | null, now = new Date()) {
  if (!value) return null;
  const session = await db.session.findUnique({ where: { id: hashSessionValue(value) }, include: { user: true } });
  if (!session) return null;
  const idleSince = now.getTime() - session.lastSeenAt.getTime();
  if (session.expiresAt <= now || idleSince >= env.SESSION_IDLE_MINUTES * 60_000) {
    await db.session.deleteMany({ where: { id: session.id } });
    return null;
  }
  if (idleSince >= TOUCH_EVERY_MS) await db.session.updateMany({ where: { id: session.id }, data: { lastSeenAt: now } });
  return session;
}

// A signed-in person acts with every scope; their base roles still apply.
export async function sessionPrincipal(value: string | undefined | null): Promise<SessionPrincipal | null> {
  const session = await findSession(value);
  if (!session) return null;
  return { kind: "session", userId: session.userId, sessionId: session.id, scopes: [...SCOPES], allBases: true, baseIds: [] };
}
