import "server-only";
import { db } from "../db";
import { forbidden, invalidRequest } from "../errors";
import { newId } from "../ids";
import { getBaseRole } from "../auth/permissions";
import { isRole, permissionLevelOf, type Role } from "../auth/scopes";

export async function createBase(input: { ownerId: string; name: string }) {
  const name = input.name.trim();
  if (!name) throw invalidRequest("name: a base needs a name");
  if (name.length > 200) throw invalidRequest("name: at most 200 characters");
  return db.base.create({
    data: { id: newId("base"), name, members: { create: { userId: input.ownerId, role: "owner" } } },
  });
}

export async function grantBaseRole(input: { baseId: string; userId: string; role: string }) {
  if (!isRole(input.role)) throw invalidRequest(`role: must be one of owner, creator, editor, commenter, read`);
  const base = await db.base.findUnique({ where: { id: input.baseId } });
  if (!base) throw invalidRequest(`base: no base ${input.baseId}`);
  const role: Role = input.role;
  return db.baseMember.upsert({
    where: { baseId_userId: { baseId: input.baseId, userId: input.userId } },
    create: { baseId: input.baseId, userId: input.userId, role },
    update: { role },
  });
}

export async function listBasesForUser(userId: string) {
  const memberships = await db.baseMember.findMany({
    where: { userId },
    include: { base: { include: { tables: { orderBy: { createdAt: "asc" } } } } },
    orderBy: { createdAt: "asc" },
  });
  return memberships.map((m) => ({ ...m.base, role: m.role }));
}

// The bases a principal can see through the API: its user's memberships, narrowed to the
// token's granted bases unless the token covers all of them.
export async function listBasesForPrincipal(principal: { userId: string; allBases: boolean; baseIds: string[] }) {
  const memberships = await db.baseMember.findMany({
    where: { userId: principal.userId, ...(principal.allBases ? {} : { baseId: { in: principal.baseIds } }) },
    include: { base: true },
    orderBy: { createdAt: "asc" },
  });
  return memberships.map((m) => ({ id: m.base.id, name: m.base.name, permissionLevel: permissionLevelOf(m.role) }));
}

export async function getBase(baseId: string) {
  return db.base.findUnique({ where: { id: baseId } });
}

// What the base page shows as tabs: synced tables, and syncs still being set up (their table
// row may not exist yet, or exists before the first configuration is saved).
export async function getBaseTabs(baseId: string) {
  const [tables, syncs] = await Promise.all([
    db.syncTable.findMany({ where: { baseId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] }),
    db.syncEndpoint.findMany({ where: { baseId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] }),
  ]);
  const setupByTable = new Map(syncs.filter((s) => s.status !== "active").map((s) => [s.tableId, s]));
  const tabs: { key: string; name: string; href: string; settingUp: boolean }[] = tables.map((t) => {
    const pending = setupByTable.get(t.id);
    return pending
      ? { key: t.id, name: t.name, href: `/bases/${baseId}/sync/${pending.id}`, settingUp: true }
      : { key: t.id, name: t.name, href: `/bases/${baseId}/tables/${t.id}`, settingUp: false };
  });
  const tableIds = new Set(tables.map((t) => t.id));
  for (const s of syncs) {
    if (!tableIds.has(s.tableId)) {
      tabs.push({ key: s.tableId, name: s.name, href: `/bases/${baseId}/sync/${s.id}`, settingUp: true });
    }
  }
  return tabs;
}

export async function listBaseMembers(baseId: string) {
  const members = await db.baseMember.findMany({
    where: { baseId },
    include: { user: { select: { id: true, email: true, name: true } } },
    orderBy: { createdAt: "asc" },
  });
  return members.map((m) => ({ userId: m.userId, email: m.user.email, name: m.user.name, role: m.role }));
}

async function requireOwner(baseId: string, actingUserId: string) {
  if ((await getBaseRole(baseId, actingUserId)) !== "owner") throw forbidden();
}

// Base sharing: only an owner adds people or changes roles, and a base always keeps an owner.
export async function shareBase(input: { baseId: string; actingUserId: string; email: string; role: string }) {
  await requireOwner(input.baseId, input.actingUserId);
  const email = input.email.trim().toLowerCase();
  const user = await db.user.findUnique({ where: { email } });
  if (!user) throw invalidRequest(`email: there is no account with ${email}. Ask them to sign up first`);
  if (user.id === input.actingUserId && input.role !== "owner") await requireAnotherOwner(input.baseId, user.id);
  return grantBaseRole({ baseId: input.baseId, userId: user.id, role: input.role });
}

export async function removeBaseMember(input: { baseId: string; actingUserId: string; userId: string }) {
  await requireOwner(input.baseId, input.actingUserId);
  await requireAnotherOwner(input.baseId, input.userId);
  await db.baseMember.deleteMany({ where: { baseId: input.baseId, userId: input.userId } });
}

async function requireAnotherOwner(baseId: string, userId: string) {
  const owners = await db.baseMember.count({ where: { baseId, role: "owner", userId: { not: userId } } });
  const isOwner = (await getBaseRole(baseId, userId)) === "owner";
  if (isOwner && owners === 0) throw invalidRequest("role: a base needs at least one owner");
}
