"use client";
// The one form across the wizard's steps, and how each polled status feeds it: the first received
// request (or the saved configuration) fills it, a newer request merges into it.
import { zodResolver } from "@hookform/resolvers/zod";
import { useCallback, useRef, useState } from "react";
import { useFieldArray, useForm } from "react-hook-form";
import { DEFAULT_RETENTION_DAYS } from "@/lib/sync-shapes/config";
import { valuesFromConfig, valuesFromPayload, wizardFormSchema, type WizardValues } from "@/lib/sync-wizard/form";
import { formFromDraft, type WizardDraftStep } from "@/lib/sync-wizard/draft";
import { mergeHeader } from "@/lib/sync-wizard/merge";
import type { SyncStatusJson } from "@/lib/sync-shapes/json";

const EMPTY: WizardValues = {
  tableName: "",
  fieldSelection: "all",
  fields: [],
  primaryKey: "",
  updateMethod: "auto",
  deletion: "delete",
  retentionDays: DEFAULT_RETENTION_DAYS,
  maxDeletePercent: null,
};

// `onDraft`: called once, when the form is filled from a saved draft, with the draft's step.
export function useWizardForm(mode: "setup" | "configure", onDraft?: (step: WizardDraftStep) => void) {
  const form = useForm<WizardValues>({ resolver: zodResolver(wizardFormSchema), defaultValues: EMPTY });
  const rows = useFieldArray({ control: form.control, name: "fields" });
  const [ready, setReady] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const payloadId = useRef<string | null>(null);
  const { replace } = rows;

  const onStatus = useCallback(
    (status: SyncStatusJson) => {
      const payload = status.latestPayload;
      // A draft saved by an earlier visit (a reload, another device, a colleague) comes first.
      const draft = payloadId.current === null ? formFromDraft(status.draft, DEFAULT_RETENTION_DAYS) : null;
      if (mode === "configure") {
        if (payloadId.current !== null || !status.config) return;
        payloadId.current = payload?.id ?? "";
        form.reset(draft?.values ?? valuesFromConfig({ config: status.config, header: payload?.header ?? null, suggestions: status.suggestedFields }));
        setReady(true);
        if (draft) onDraft?.(draft.step);
        return;
      }
      if (!payload || payload.id === payloadId.current) return;
      if (payloadId.current === null && draft && draft.payloadId !== null) {
        form.reset(draft.values);
        // Choices made for an older request follow the columns of the newer one.
        if (draft.payloadId !== payload.id) {
          const merged = mergeHeader(draft.values, payload.header, status.suggestedFields);
          replace(merged.fields);
          form.setValue("primaryKey", merged.primaryKey);
        }
        setReady(true);
        onDraft?.(draft.step);
      } else if (payloadId.current === null) {
        form.reset(valuesFromPayload({ name: status.name, header: payload.header, suggestions: status.suggestedFields }));
        setReady(true);
        if (draft) onDraft?.(draft.step);
      } else {
        const merged = mergeHeader(form.getValues(), payload.header, status.suggestedFields);
        replace(merged.fields);
        form.setValue("primaryKey", merged.primaryKey);
        const rowsText = `${payload.rowCount.toLocaleString("en-US")} ${payload.rowCount === 1 ? "row" : "rows"}`;
        setNotice(`A newer API request arrived (${payload.header.length.toLocaleString("en-US")} columns, ${rowsText}). The fields now follow its columns.`);
      }
      payloadId.current = payload.id;
    },
    [form, mode, replace, onDraft],
  );

  return { form, rows, ready, notice, onStatus, payloadId };
}
