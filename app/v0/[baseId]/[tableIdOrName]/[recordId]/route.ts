// GET /v0/{baseId}/{tableIdOrName}/{recordId}: one record; PATCH, PUT: write its own fields; DELETE: refused (a synced table).
import { apiRoute } from "@/lib/http/api";
import { methodNotAllowed } from "@/lib/http/methods";
import { answerGetRecord } from "@/lib/records/api-list";
import { refuseRecordDelete, updateRecords } from "@/lib/own-fields/api-writes";

type Params = { baseId: string; tableIdOrName: string; recordId: string };

export const GET = apiRoute<Params>(async ({ req, params, principal }) => answerGetRecord({ principal, ...params, params: new URL(req.url).searchParams, signal: req.signal }));
export const PATCH = apiRoute<Params>(async ({ req, params, principal }) => updateRecords({ principal, ...params, req, replace: false }));
export const PUT = apiRoute<Params>(async ({ req, params, principal }) => updateRecords({ principal, ...params, req, replace: true }));
export const DELETE = apiRoute<Params>(async ({ req, params, principal }) => refuseRecordDelete({ principal, ...params, req }));

const notAllowed = methodNotAllowed(["GET", "PATCH", "PUT", "DELETE"]);
export { notAllowed as POST };
