// PATCH /bases/{baseId}/tables/{tableId}/records/{recordId}: the grid writes own-field cells, {"fields": {"<fieldId>": value | null}}.
import { apiRoute } from "@/lib/http/api";
import { writeRecordCells } from "@/lib/own-fields/routes";

type Params = { baseId: string; tableId: string; recordId: string };

export const PATCH = apiRoute<Params>(async ({ req, params, principal }) => writeRecordCells({ principal, ...params, req }));
