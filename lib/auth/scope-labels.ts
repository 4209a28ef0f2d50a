// What each scope allows, for the token pages. No server imports.
import type { Scope } from "./scopes";

export const SCOPE_DESCRIPTIONS: Record<Scope, string> = {
  "data.records:read": "See the records in tables",
  "data.records:write": "Create, edit and delete records (needed by the Sync API)",
  "schema.bases:read": "See the structure of a base: tables and fields",
  "schema.bases:write": "Edit the structure of a base: add tables and fields (needed by the Sync API)",
};

// `?scopes=a,b&bases=appX` from a "Create a token" link: keep only what is valid.
export function parseTokenPrefill(
  params: { scopes?: string | string[]; bases?: string | string[]; name?: string | string[] },
  memberBaseIds: string[],
) {
  const list = (v: string | string[] | undefined) => (Array.isArray(v) ? v.join(",") : (v ?? "")).split(",").map((s) => s.trim()).filter(Boolean);
  const scopes = list(params.scopes).filter((s): s is Scope => s in SCOPE_DESCRIPTIONS);
  const baseIds = list(params.bases).filter((b) => memberBaseIds.includes(b));
  const name = (Array.isArray(params.name) ? params.name[0] : params.name)?.slice(0, 100) ?? "";
  return { name, scopes: [...new Set(scopes)], access: baseIds.length > 0 ? ("chosen" as const) : ("all" as const), baseIds: [...new Set(baseIds)] };
}
