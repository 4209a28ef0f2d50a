import type { z } from "zod";
import { invalidRequest } from "../errors";

// Validates a management API body; the first problem becomes the contract's
// INVALID_REQUEST_UNKNOWN, with the offending parameter named first in the message and, whole
// (`fields.2.type`), in the error's `param`.
export function parseBody<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const path = issue.path.map(String).join(".");
  const message = issue.message;
  if (!path) throw invalidRequest(`body: ${message}`, "body");
  const param = path.split(".")[0];
  throw invalidRequest(message.startsWith(`${param}:`) ? message : `${path}: ${message}`, path);
}
