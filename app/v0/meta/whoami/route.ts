// GET /v0/meta/whoami: the user and scopes behind the token (Airtable's whoami).
import { apiRoute } from "@/lib/http/api";

export const GET = apiRoute(async ({ principal }) => ({ id: principal.userId, scopes: principal.scopes }));
