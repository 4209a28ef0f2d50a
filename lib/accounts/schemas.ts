// Base forms, shared by the browser and the server. No server imports here.
import { z } from "zod";
import { ROLES } from "../auth/scopes";
import { emailSchema } from "../auth/schemas";

export const baseNameSchema = z.string().trim().min(1, "Give the base a name").max(200, "At most 200 characters");

export const createBaseSchema = z.object({ name: baseNameSchema });
export type CreateBaseInput = z.input<typeof createBaseSchema>;

export const shareBaseSchema = z.object({ email: emailSchema, role: z.enum(ROLES) });
export type ShareBaseInput = z.input<typeof shareBaseSchema>;

export const ROLE_LABELS: Record<(typeof ROLES)[number], string> = {
  owner: "Owner",
  creator: "Creator",
  editor: "Editor",
  commenter: "Commenter",
  read: "Read only",
};
