// PATCH, DELETE /v0/meta/bases/{baseId}/tables/{tableId}/fields/{fieldId}: rename, re-option or delete an own field.
import { apiRoute } from "@/lib/http/api";
import { methodNotAllowed } from "@/lib/http/methods";
import { changeFieldApi, removeField } from "@/lib/own-fields/routes";

type Params = { baseId: string; tableId: string; fieldId: string };

export const PATCH = apiRoute<Params>(async ({ req, params, principal }) => changeFieldApi({ principal, ...params, req }));
export const DELETE = apiRoute<Params>(async ({ params, principal }) => removeField({ principal, ...params }));

const notAllowed = methodNotAllowed(["PATCH", "DELETE"]);
export { notAllowed as GET, notAllowed as POST, notAllowed as PUT };
