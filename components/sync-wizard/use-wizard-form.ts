"use client";
// The one form across the wizard's steps, and how each polled status feeds it: the first received
// request (or the saved configuration) fills it, a newer request merges into it.
import { zodResolver } from "@hookform/resolvers/zod";
import { useCallback, useRef, useState } from "react";
import { useFieldArray, useForm } from "react-hook-form";
import { DEFAULT_RETENTION_DAYS } from "@/lib/sync-shapes/config";
import { valuesFromConfig, valuesFromPayload, wizardFormSchema, type WizardValues } from "@/lib/sync-wizard/form";
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

export function useWizardForm(mode: "setup" | "configure") {
  const form = useForm<WizardValues>({ resolver: zodResolver(wizardFormSchema), defaultValues: EMPTY });
  const rows = useFieldArray({ control: form.control, name: "fields" });
  const [ready, setReady] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const payloadId = useRef<string | null>(null);
  const { replace } = rows;

  const onStatus = useCallback(
    (status: SyncStatusJson) => {
      const payload = status.latestPayload;
      if (mode === "configure") {
        if (payloadId.current !== null || !status.config) return;
        payloadId.current = payload?.id ?? "";
        form.reset(valuesFromConfig({ config: status.config, header: payload?.header ?? null, suggestions: status.suggestedFields }));
        setReady(true);
        return;
      }
      if (!payload || payload.id === payloadId.current) return;
      if (payloadId.current === null) {
        form.reset(valuesFromPayload({ name: status.name, header: payload.header, suggestions: status.suggestedFields }));
        setReady(true);
      } else {
        const merged = mergeHeader(form.getValues(), payload.header, status.suggestedFields);
        replace(merged.fields);
        form.setValue("primaryKey", merged.primaryKey);
        const rowsText = `${payload.rowCount.toLocaleString("en-US")} ${payload.rowCount === 1 ? "row" : "rows"}`;
        setNotice(`A newer API request arrived (${payload.header.length} columns, ${rowsText}). The fields now follow its columns.`);
      }
      payloadId.current = payload.id;
    },
    [form, mode, replace],
  );

  return { form, rows, ready, notice, onStatus };
}
