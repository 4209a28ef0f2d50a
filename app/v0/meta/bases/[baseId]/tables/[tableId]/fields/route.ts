// POST /v0/meta/bases/{baseId}/tables/{tableId}/fields: create an own field (Airtable's create-field shape).
import { apiRoute } from "@/lib/http/api";
import { methodNotAllowed } from "@/lib/http/methods";
import { addFieldApi } from "@/lib/own-fields/routes";

type Params = { baseId: string; tableId: string };

export const POST = apiRoute<Params>(async ({ req, params, principal }) => addFieldApi({ principal, ...params, req }));

const notAllowed = methodNotAllowed(["POST"]);
export { notAllowed as GET, notAllowed as PATCH, notAllowed as PUT, notAllowed as DELETE };
