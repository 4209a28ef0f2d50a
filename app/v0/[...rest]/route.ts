// ANY /v0/… that no other route matched: the contract's 404 JSON, never an HTML page.
import { errorResponse } from "@/lib/http/api";
import { notFound } from "@/lib/errors";

const handler = async () => errorResponse(notFound("Route not found."));

export { handler as GET, handler as POST, handler as PUT, handler as PATCH, handler as DELETE };
