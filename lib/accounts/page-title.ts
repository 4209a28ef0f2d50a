import "server-only";
import type { Metadata } from "next";
import { requireBaseMember } from "../auth/current-user";
import { getBase } from "./bases";

// "<what> · <base> · Tablesync": a tab, a bookmark or the history names the base it belongs to.
// Only members learn the name (requireBaseMember answers 404 to everyone else).
export async function basePageMetadata(baseId: string, ...parts: string[]): Promise<Metadata> {
  await requireBaseMember(baseId);
  const base = await getBase(baseId);
  return { title: [...parts, base?.name, "Tablesync"].filter(Boolean).join(" · ") };
}
