// GET /v0/{baseId}/{tableIdOrName}: list records (Airtable's options); PATCH, PUT: write own fields; POST, DELETE: refused (a synced table).
import { apiRoute } from "@/lib/http/api";
import { answerListRecords } from "@/lib/records/api-list";
import { refuseRecordCreate, refuseRecordDelete, updateRecords } from "@/lib/own-fields/api-writes";

type Params = { baseId: string; tableIdOrName: string };

export const GET = apiRoute<Params>(async ({ req, params, principal }) =>
  answerListRecords({ principal, ...params, params: new URL(req.url).searchParams, signal: req.signal }),
);

export const POST = apiRoute<Params>(async ({ req, params, principal }) => refuseRecordCreate({ principal, ...params, req }));
export const PATCH = apiRoute<Params>(async ({ req, params, principal }) => updateRecords({ principal, ...params, req, replace: false }));
export const PUT = apiRoute<Params>(async ({ req, params, principal }) => updateRecords({ principal, ...params, req, replace: true }));
export const DELETE = apiRoute<Params>(async ({ req, params, principal }) => refuseRecordDelete({ principal, ...params, req }));
