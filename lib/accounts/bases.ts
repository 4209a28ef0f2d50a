import "server-only";
import { db } from "../db";
import { invalidRequest } from "../errors";
import { newId } from "../ids";
import { isRole, type Role } from "../auth/scopes";

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

export async function getBaseRole(baseId: string, userId: string): Promise<string | null> {
  const member = await db.baseMember.findUnique({ where: { baseId_userId: { baseId, userId } } });
  return member?.role ?? null;
}

export async function listBasesForUser(userId: string) {
  const memberships = await db.baseMember.findMany({
    where: { userId },
    include: { base: { include: { tables: { orderBy: { createdAt: "asc" } } } } },
    orderBy: { createdAt: "asc" },
  });
  return memberships.map((m) => ({ ...m.base, role: m.role }));
}
