// PATCH, DELETE /bases/{baseId}/tables/{tableId}/fields/{fieldId}: the grid renames, re-options, moves or deletes an own field.
import { apiRoute } from "@/lib/http/api";
import { changeField, removeField } from "@/lib/own-fields/routes";

type Params = { baseId: string; tableId: string; fieldId: string };

export const PATCH = apiRoute<Params>(async ({ req, params, principal }) => changeField({ principal, ...params, req }));
export const DELETE = apiRoute<Params>(async ({ params, principal }) => removeField({ principal, ...params }));
