import { describe, expect, it } from "vitest";
import { draftFromForm, formFromDraft, parseWizardStep } from "./draft";
import type { WizardValues } from "./form";

const values: WizardValues = {
  tableName: "Products",
  fieldSelection: "specific",
  fields: [{ column: "SKU", name: "Code", type: "singleLineText", options: {}, selected: true }],
  primaryKey: "SKU",
  updateMethod: "manual",
  deletion: "keep",
  retentionDays: Number.NaN,
  maxDeletePercent: null,
};

describe("wizard drafts", () => {
  it("round-trips the form through JSON, an emptied number box included", () => {
    const draft = JSON.parse(JSON.stringify(draftFromForm({ step: "key", payloadId: "run1", values })));
    expect(draft.values.retentionDays).toBeNull();
    expect(formFromDraft(draft, 30)).toEqual({ step: "key", payloadId: "run1", values: { ...values, retentionDays: 30 } });
  });
  it("ignores a draft of another shape", () => {
    expect(formFromDraft({ step: "key", payloadId: null, values: { tableName: 3 } }, 30)).toBeNull();
    expect(formFromDraft(null, 30)).toBeNull();
  });
  it("reads only known steps from the URL", () => {
    expect(parseWizardStep("settings")).toBe("settings");
    expect(parseWizardStep("intro")).toBeNull();
    expect(parseWizardStep(null)).toBeNull();
  });
});
