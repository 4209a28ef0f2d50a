// Calling a Server Action over plain HTTP, the way a non-browser client (or a forged cross-site
// form) can: POST to a page that uses it with `Next-Action: <id>`. The id comes from the build's
// manifest, looked up by the action's exported name.
import { readFileSync } from "node:fs";
import { APP_URL } from "./fixtures";

type Manifest = { node: Record<string, { workers: Record<string, unknown>; exportedName: string }> };

export function findServerAction(exportedName: string): { id: string; path: string } {
  const manifest = JSON.parse(readFileSync(".next/server/server-reference-manifest.json", "utf8")) as Manifest;
  const entry = Object.entries(manifest.node).find(([, v]) => v.exportedName === exportedName);
  if (!entry) throw new Error(`no server action ${exportedName} in the build`);
  const [id, { workers }] = entry;
  // A page that imports it, with no dynamic segment: "app/(auth)/sign-in/page" → "/sign-in".
  const page = Object.keys(workers).find((w) => !w.includes("["));
  if (!page) throw new Error(`server action ${exportedName} is used on dynamic pages only`);
  const path = page.replace(/^app/, "").replace(/\/\([^)]+\)/g, "").replace(/\/page$/, "") || "/";
  return { id, path };
}

export async function callServerAction(exportedName: string, args: unknown[], headers: Record<string, string> = {}, appUrl = APP_URL) {
  const { id, path } = findServerAction(exportedName);
  const res = await fetch(`${appUrl}${path}`, {
    method: "POST",
    headers: { "next-action": id, "content-type": "text/plain;charset=UTF-8", accept: "text/x-component", ...headers },
    body: JSON.stringify(args),
    redirect: "manual",
  });
  return { status: res.status, text: await res.text() };
}
