// What a Server Action answers a form: success, or a message (and the field it belongs to).
// No server imports: the forms import the types.
import { ApiError, messageDetail, toSentence } from "../errors";

export type ActionFailure = { ok: false; error: string; field?: string };
export type ActionResult<T = object> = ({ ok: true } & T) | ActionFailure;

// A domain refusal as a sentence for the form, beside the field the error names (`param`).
export function toActionFailure(err: unknown): ActionFailure {
  if (!(err instanceof ApiError)) throw err;
  if (err.type === "INVALID_PERMISSIONS_OR_MODEL_NOT_FOUND") {
    return { ok: false, error: "You do not have permission to do that." };
  }
  return { ok: false, error: toSentence(messageDetail(err)), field: err.param };
}

export function failure(error: string, field?: string): ActionFailure {
  return { ok: false, error, field };
}
