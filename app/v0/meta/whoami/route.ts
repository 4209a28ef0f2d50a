// GET /v0/meta/whoami: the user and scopes behind the token (Airtable's whoami).
import { apiRoute } from "@/lib/http/api";
import { methodNotAllowed } from "@/lib/http/methods";

export const GET = apiRoute(async ({ principal }) => ({ id: principal.userId, scopes: principal.scopes }));

const notAllowed = methodNotAllowed(["GET"]);
export { notAllowed as POST, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
