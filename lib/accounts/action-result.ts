// What a Server Action answers a form: success, or a message (and the field it belongs to).
// No server imports: the forms import the types.
import { ApiError } from "../errors";

export type ActionFailure = { ok: false; error: string; field?: string };
export type ActionResult<T = object> = ({ ok: true } & T) | ActionFailure;

// Domain errors read "field: message"; turn them into a sentence for the form.
export function toActionFailure(err: unknown): ActionFailure {
  if (!(err instanceof ApiError)) throw err;
  if (err.type === "INVALID_PERMISSIONS_OR_MODEL_NOT_FOUND") {
    return { ok: false, error: "You do not have permission to do that." };
  }
  const match = /^([a-zA-Z]+): (.*)$/s.exec(err.message);
  const text = match ? match[2] : err.message;
  const sentence = text.charAt(0).toUpperCase() + text.slice(1) + (/[.!?]$/.test(text) ? "" : ".");
  return { ok: false, error: sentence, field: match?.[1] };
}

export function failure(error: string, field?: string): ActionFailure {
  return { ok: false, error, field };
}
