// ANY /v0/meta/… that no other route matched: 404 in the contract's JSON. Without this,
// /v0/meta/x would reach the records routes as a base named "meta" and answer 403.
import { errorResponse } from "@/lib/http/api";
import { notFound } from "@/lib/errors";

const handler = async () => errorResponse(notFound("Route not found."));

export { handler as GET, handler as POST, handler as PUT, handler as PATCH, handler as DELETE };
