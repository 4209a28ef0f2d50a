import "server-only";
import { ApiError } from "../errors";
import { errorResponse } from "./api";

// A known API route asked with a method it does not have: 405 in the contract's JSON, with Allow.
// Next answers such requests itself with an empty body, so every route exports these too.
export function methodNotAllowed(allow: string[]) {
  return async (req: Request): Promise<Response> => {
    const res = errorResponse(new ApiError("METHOD_NOT_ALLOWED", `${req.method} is not allowed here. Allowed: ${allow.join(", ")}.`));
    res.headers.set("Allow", allow.join(", "));
    return res;
  };
}
