// POST /bases/{baseId}/tables/{tableId}/fields: the grid adds an own field, {"name", "type", "options"?}.
import { apiRoute } from "@/lib/http/api";
import { addField } from "@/lib/own-fields/routes";

type Params = { baseId: string; tableId: string };

export const POST = apiRoute<Params>(async ({ req, params, principal }) => addField({ principal, ...params, req }));
