// The wizard's draft: its step and unsaved choices, kept on the sync (PUT …/syncs/{syncId}/draft)
// so a reload, another device or a colleague continues where it stopped. No server imports: the
// browser builds it and the server validates it with the same schema.
import { z } from "zod";
import { wizardValuesSchema, type WizardValues } from "./form";

export const WIZARD_STEPS = ["setup", "fields", "key", "settings"] as const;
export type WizardDraftStep = (typeof WIZARD_STEPS)[number];

// Limits keep a draft about as big as a configuration can be (500 columns).
export const wizardDraftSchema = z
  .object({
    step: z.enum(WIZARD_STEPS),
    // The received request the choices were made for (a newer one is merged in on load).
    payloadId: z.string().max(40).nullable(),
    // An emptied number box is NaN in the form and null in JSON.
    values: wizardValuesSchema.extend({
      fields: wizardValuesSchema.shape.fields.max(500),
      retentionDays: z.number().nullable(),
      // Drafts saved before the deletion safeguard existed have none: off.
      maxDeletePercent: z.number().nullable().optional(),
    }),
  })
  .strict();

export type WizardDraft = z.infer<typeof wizardDraftSchema>;

export function parseWizardStep(text: string | null | undefined): WizardDraftStep | null {
  return WIZARD_STEPS.find((s) => s === text) ?? null;
}

export function draftFromForm(input: { step: WizardDraftStep; payloadId: string | null; values: WizardValues }): WizardDraft {
  const { retentionDays } = input.values;
  return { step: input.step, payloadId: input.payloadId, values: { ...input.values, retentionDays: Number.isFinite(retentionDays) ? retentionDays : null } };
}

// A stored draft back into form values, or null when it does not parse (an older shape, say).
export function formFromDraft(draft: unknown, defaultRetentionDays: number): { step: WizardDraftStep; payloadId: string | null; values: WizardValues } | null {
  const parsed = wizardDraftSchema.safeParse(draft);
  if (!parsed.success) return null;
  const { values } = parsed.data;
  return { step: parsed.data.step, payloadId: parsed.data.payloadId, values: { ...values, retentionDays: values.retentionDays ?? defaultRetentionDays, maxDeletePercent: values.maxDeletePercent ?? null } };
}
