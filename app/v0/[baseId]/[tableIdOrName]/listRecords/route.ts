// POST /v0/{baseId}/{tableIdOrName}/listRecords: list records with the options in a JSON body (Airtable's clients use it for long formulas).
import { apiRoute } from "@/lib/http/api";
import { readJsonBody } from "@/lib/http/body";
import { methodNotAllowed } from "@/lib/http/methods";
import { answerListRecords } from "@/lib/records/api-list";
import { listBodyToParams } from "@/lib/records/api-options";

export const POST = apiRoute<{ baseId: string; tableIdOrName: string }>(async ({ req, params, principal }) => {
  const body = await readJsonBody(req);
  return answerListRecords({ principal, ...params, params: listBodyToParams(body, new URL(req.url).searchParams), signal: req.signal });
});

const notAllowed = methodNotAllowed(["POST"]);
export { notAllowed as GET, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
