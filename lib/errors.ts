// One error type for everything the API can refuse, and one table from its type to the HTTP
// status of the contract. Route code throws ApiError; lib/http/api.ts turns it into JSON.

export const ERROR_STATUS = {
  AUTHENTICATION_REQUIRED: 401,
  INVALID_PERMISSIONS_OR_MODEL_NOT_FOUND: 403,
  INVALID_PERMISSIONS: 403,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  REQUEST_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  INVALID_CSV: 422,
  INVALID_REQUEST_UNKNOWN: 422,
  DELETION_SAFEGUARD: 422,
  INVALID_FILTER_BY_FORMULA: 422,
  VIEW_NAME_NOT_FOUND: 422,
  UNKNOWN_FIELD_NAME: 422,
  INVALID_VALUE_FOR_COLUMN: 422,
  RATE_LIMIT_REACHED: 429,
  SERVER_ERROR: 500,
  RETRIABLE_ERROR: 503,
} as const;

export type ErrorType = keyof typeof ERROR_STATUS;

// `param` names the offending parameter or field ("tableName", "fields.2.type") where the input
// was validated, so a form can put the message beside it without reading the text.
export class ApiError extends Error {
  readonly type: ErrorType;
  readonly retryAfterSeconds?: number;
  readonly param?: string;

  constructor(type: ErrorType, message: string, options: { retryAfterSeconds?: number; param?: string } = {}) {
    super(message);
    this.name = "ApiError";
    this.type = type;
    this.retryAfterSeconds = options.retryAfterSeconds;
    this.param = options.param;
  }

  get status(): number {
    return ERROR_STATUS[this.type];
  }
}

export const forbidden = () =>
  new ApiError(
    "INVALID_PERMISSIONS_OR_MODEL_NOT_FOUND",
    "Invalid permissions, or the requested model was not found. Check that both your user and your token have the required permissions, and that the model names and/or ids are correct.",
  );

export const notFound = (what = "Could not find what you are looking for") => new ApiError("NOT_FOUND", what);

// The contract asks these messages to name the offending parameter, and they lead with it:
// "name: at most 100 characters". That lead is the error's `param` unless the validator passes a
// more precise one (a zod issue's whole path). Read here, where the message is written, once.
const LEADING_PARAM = /^([A-Za-z][\w.[\]]*): /;

export const unknownField = (name: string) => new ApiError("UNKNOWN_FIELD_NAME", `Unknown field name: "${name.slice(0, 255)}"`);

export const invalidRequest = (message: string, param: string | undefined = LEADING_PARAM.exec(message)?.[1]) =>
  new ApiError("INVALID_REQUEST_UNKNOWN", message, { param });

export const invalidCsv = (message: string, param?: string) => new ApiError("INVALID_CSV", message, { param });

// The message without the parameter it leads with (the whole `param`, or its first part:
// "fields: column …" for `fields.2.column`), for a form that shows it beside that field.
export function messageDetail(error: { message: string; param?: string | null }): string {
  if (!error.param) return error.message;
  for (const lead of [`${error.param}: `, `${error.param.split(".")[0]}: `]) {
    if (error.message.startsWith(lead)) return error.message.slice(lead.length);
  }
  return error.message;
}

// A message as a sentence: capitalised, with a full stop.
export function toSentence(text: string): string {
  const trimmed = text.trim();
  if (!trimmed) return text;
  const sentence = trimmed[0].toUpperCase() + trimmed.slice(1);
  return /[.!?]$/.test(sentence) ? sentence : `${sentence}.`;
}

// Postgres error codes and driver errors that mean "try again later" rather than "you did wrong".
const RETRIABLE_PG_CODES = new Set(["55P03", "57P01", "57P02", "57P03", "53300", "40001", "40P01", "25P02"]);
const RETRIABLE_NODE_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "ENOTFOUND"]);

export function isRetriableDatabaseError(err: unknown): boolean {
  if (!err || typeof err !== "object") return false;
  const e = err as { code?: unknown; message?: unknown; cause?: unknown; name?: unknown };
  const code = typeof e.code === "string" ? e.code : "";
  if (RETRIABLE_PG_CODES.has(code) || RETRIABLE_NODE_CODES.has(code) || code.startsWith("08")) return true;
  const message = typeof e.message === "string" ? e.message : "";
  if (/Connection terminated|timeout exceeded when trying to connect|Can't reach database|ECONNREFUSED|Transaction already closed|Unable to start a transaction|connection error and is not queryable/i.test(message)) {
    return true;
  }
  if (e.name === "DriverAdapterError" || e.name === "PrismaClientKnownRequestError") {
    return isRetriableDatabaseError(e.cause);
  }
  return e.cause !== undefined && e.cause !== err ? isRetriableDatabaseError(e.cause) : false;
}

// Postgres' class 22 ("data exception": a NUL in text, a numeric overflow, a bad cast) can only
// come from a value the request carried. Input checks refuse each known case first, with the
// parameter named; this keeps an unforeseen one a 422 rather than a 500.
function isDataException(err: unknown, depth = 0): boolean {
  if (!err || typeof err !== "object" || depth > 4) return false;
  const e = err as { code?: unknown; originalCode?: unknown; cause?: unknown };
  const code = typeof e.code === "string" ? e.code : typeof e.originalCode === "string" ? e.originalCode : "";
  if (/^22[0-9A-Z]{3}$/.test(code)) return true;
  return e.cause !== undefined && e.cause !== err && isDataException(e.cause, depth + 1);
}

export function toApiError(err: unknown): ApiError {
  if (err instanceof ApiError) return err;
  if (isDataException(err)) return invalidRequest("A value in the request cannot be processed.");
  if (isRetriableDatabaseError(err)) {
    return new ApiError("RETRIABLE_ERROR", "The database is unavailable or busy. Try again shortly.", {
      retryAfterSeconds: 5,
    });
  }
  return new ApiError("SERVER_ERROR", "An unexpected error occurred. It has been logged.");
}

// The contract fixes the error body as {"error": {"type", "message"}} (clients and tests compare it
// whole), so `param` travels beside it, in this response header, for the app's own browser code.
export const ERROR_PARAM_HEADER = "Tablesync-Error-Param";

export function errorBody(err: ApiError) {
  return { error: { type: err.type, message: err.message } };
}
