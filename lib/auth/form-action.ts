import "server-only";
import type { z } from "zod";
import { requireUser } from "./current-user";
import { failure, toActionFailure, type ActionFailure, type ActionResult } from "./action-result";

type User = Awaited<ReturnType<typeof requireUser>>;
// What a handler answers besides `ok: true`; nothing when it redirects.
type Answer = object | void;
type Result<T extends Answer> = [T] extends [never] ? ActionFailure : ActionResult<T extends object ? T : object>;

// The one shape of a form's Server Action: validate the input again with the form's own schema
// (the first problem goes back beside its field), run the handler, and turn a domain refusal
// (ApiError) into the form's message. Anything else, redirect() included, is rethrown.
export function formAction<S extends z.ZodType, T extends Answer>(schema: S, handler: (input: z.output<S>) => Promise<T>) {
  return async (input: z.input<S>): Promise<Result<T>> => {
    const parsed = schema.safeParse(input);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return failure(issue.message, issue.path.length > 0 ? String(issue.path[0]) : undefined);
    }
    let answer: T;
    try {
      answer = await handler(parsed.data);
    } catch (err) {
      return toActionFailure(err);
    }
    return { ok: true, ...(answer ?? {}) } as Result<T>;
  };
}

// formAction for signed-in people: no session sends the browser to the sign-in page first.
export function authedAction<S extends z.ZodType, T extends Answer>(schema: S, handler: (input: z.output<S>, user: User) => Promise<T>) {
  return async (input: z.input<S>): Promise<Result<T>> => {
    const user = await requireUser();
    return formAction(schema, (data: z.output<S>) => handler(data, user))(input);
  };
}
