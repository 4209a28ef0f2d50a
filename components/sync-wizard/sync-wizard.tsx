"use client";
// The Sync API setup wizard (and "Update sync configuration"): one form across the steps, talking
// to the management API from the browser with the session cookie.
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useState } from "react";
import { FormProvider, type FieldErrors, type FieldPath } from "react-hook-form";
import type { SyncLimits } from "@/lib/csv/limits";
import { messageDetail, toSentence } from "@/lib/errors";
import { locateApiError, type WizardStep } from "@/lib/sync-wizard/errors";
import { toSyncConfig, type WizardValues } from "@/lib/sync-wizard/form";
import type { WizardDraftStep } from "@/lib/sync-wizard/draft";
import { summarizeChange, type ChangeSummary } from "@/lib/sync-wizard/change-summary";
import { ApiRequestError } from "@/components/api/client";
import { createSync, deleteDraft, postCsvFile, previewSyncConfig, putSyncConfig } from "./api";
import { ChangePreview, ConfirmStep } from "./steps/confirm-step";
import { useWizardDraft } from "./use-wizard-draft";
import { CreatingStep } from "./steps/creating-step";
import { FieldsStep } from "./steps/fields-step";
import { IntroStep } from "./steps/intro-step";
import { KeyStep } from "./steps/key-step";
import { SettingsStep } from "./steps/settings-step";
import { SetupStep } from "./steps/setup-step";
import { useSyncEndpointStatus } from "./use-sync-endpoint-status";
import { useWizardForm } from "./use-wizard-form";
import { primaryButton, secondaryButton, WizardFooter, WizardFrame } from "./wizard-frame";
import { StatusProblem } from "./status-problem";

type Step = "intro" | "setup" | WizardStep | "confirm" | "creating";
// `initialStep`: the step named in the URL (?step=fields), which a reload or a shared link opens.
type Props = {
  baseId: string;
  syncId: string | null;
  mode: "setup" | "configure";
  source: "api" | "csv";
  limits: SyncLimits;
  initialStep?: WizardDraftStep | null;
};

const SETUP_STEPS = [
  { id: "setup", label: "Set up" },
  { id: "fields", label: "Fields" },
  { id: "key", label: "Primary key" },
  { id: "settings", label: "Settings" },
];

// Configuring a saved sync has no Set up step.
function usableStep(step: WizardDraftStep | null, mode: Props["mode"]): WizardDraftStep | null {
  return step === "setup" && mode === "configure" ? null : step;
}

export function SyncWizard({ baseId, syncId: initialSyncId, mode, source, limits, initialStep = null }: Props) {
  const router = useRouter();
  const [syncId, setSyncId] = useState(initialSyncId);
  const [syncUrl, setSyncUrl] = useState<string | null>(null);
  const fromUrl = usableStep(initialStep, mode);
  const [step, setStep] = useState<Step>(initialSyncId ? (fromUrl ?? (mode === "configure" ? "fields" : "setup")) : "intro");
  const [busy, setBusy] = useState(false);
  const [introError, setIntroError] = useState<string | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [serverError, setServerError] = useState<{ step: WizardStep; message: string } | null>(null);
  // Without a step in the URL, a saved draft reopens at its step.
  const onDraft = useCallback(
    (draftStep: WizardDraftStep) => {
      const usable = usableStep(draftStep, mode);
      if (!fromUrl && usable) setStep(usable);
    },
    [fromUrl, mode],
  );
  const { form, rows, ready, notice, onStatus, payloadId } = useWizardForm(mode, onDraft);
  const saving = useWizardDraft({ baseId, syncId, step, ready, form, payloadId, setStep: (s) => setStep(usableStep(s, mode) ?? step) });
  const [confirming, setConfirming] = useState<{ values: WizardValues; summary: ChangeSummary } | null>(null);
  const [preview, setPreview] = useState<ChangeSummary | null>(null);
  const { status, error } = useSyncEndpointStatus(baseId, syncId, {
    enabled: step !== "intro" && step !== "creating",
    interval: (s) => (mode === "configure" ? null : s.latestPayload ? 1000 : 500),
    onStatus,
  });
  // While the PUT creates the table, a second poll follows the run's progress.
  const creating = useSyncEndpointStatus(baseId, syncId, { enabled: step === "creating", interval: () => 500 });

  // "Update sync configuration": on the Settings step, what the change would do (a dry run on the
  // server); a preview that fails (the form is not valid yet) shows nothing.
  const savedConfig = status?.config ?? null;
  useEffect(() => {
    if (mode !== "configure" || step !== "settings" || !syncId || !savedConfig) return;
    let cancelled = false;
    const { config } = toSyncConfig(form.getValues());
    previewSyncConfig(baseId, syncId, config).then(
      (result) => !cancelled && setPreview(summarizeChange(savedConfig, config, result)),
      () => !cancelled && setPreview(null),
    );
    return () => {
      cancelled = true;
    };
  }, [mode, step, syncId, baseId, savedConfig, form]);

  const tableHref = status ? `/bases/${baseId}/tables/${status.tableId}` : `/bases/${baseId}`;
  const steps = mode === "configure" ? SETUP_STEPS.slice(1) : SETUP_STEPS;
  const title = mode === "configure" ? "Update sync configuration" : source === "csv" ? "CSV file" : "Sync API";
  const frame = (current: string | null, children: React.ReactNode) => (
    <WizardFrame title={title} closeHref={mode === "configure" ? tableHref : `/bases/${baseId}`} steps={steps} current={current}>
      {children}
    </WizardFrame>
  );

  const start = async ({ name, file }: { name: string; file: File | null }) => {
    setBusy(true);
    setIntroError(null);
    setFileError(null);
    let id = syncId;
    let url = syncUrl;
    try {
      if (!id || !url) {
        const created = await createSync(baseId, name);
        id = created.id;
        url = created.url;
        setSyncId(id);
        setSyncUrl(url);
        // A reload (or a bookmark) resumes this sync instead of starting another one.
        window.history.replaceState(null, "", `/bases/${baseId}/sync/${id}`);
      }
      if (file) await postCsvFile(url, file);
      setStep(file ? "fields" : "setup");
    } catch (err) {
      const message = err instanceof ApiRequestError ? err.message : "Something went wrong. Try again.";
      if (id && file) setFileError(message);
      else setIntroError(message);
    } finally {
      setBusy(false);
    }
  };

  const next = async () => {
    setServerError(null);
    if (step === "setup") setStep("fields");
    if (step === "fields" && (await form.trigger(["fieldSelection", "fields"]))) setStep("key");
    if (step === "key" && (await form.trigger("primaryKey"))) setStep("settings");
  };
  const back = () => {
    setServerError(null);
    if (step === "fields") setStep("setup");
    if (step === "key") setStep("fields");
    if (step === "settings") setStep("key");
  };

  // "Update sync configuration" first asks the server what the change would do; a change that
  // re-applies the CSV is shown before it is saved (confirmed explicitly when records would be
  // rebuilt or deleted).
  const save = async (values: WizardValues, confirmed = false) => {
    if (!syncId) return;
    const { config, formIndex } = toSyncConfig(values);
    setServerError(null);
    saving.stop();
    setStep("creating");
    try {
      if (mode === "configure" && !confirmed && status?.config) {
        const summary = summarizeChange(status.config, config, await previewSyncConfig(baseId, syncId, config));
        if (summary.needsConfirmation) {
          setConfirming({ values, summary });
          setStep("confirm");
          return;
        }
      }
      const saved = await putSyncConfig(baseId, syncId, config);
      router.push(`/bases/${baseId}/tables/${saved.tableId}`);
      router.refresh();
    } catch (err) {
      const refusal = err instanceof ApiRequestError ? err : null;
      const message = refusal?.message ?? "Something went wrong. Try again.";
      const place = locateApiError(refusal?.param ?? null, formIndex);
      const at = place.step ?? "settings";
      if (place.path && refusal) {
        form.setError(place.path as FieldPath<WizardValues>, { type: "server", message: toSentence(messageDetail(refusal)) });
      } else setServerError({ step: at, message });
      saving.resume();
      setStep(at);
    }
  };
  const invalid = (errors: FieldErrors<WizardValues>) => {
    if (errors.fields || errors.fieldSelection) setStep("fields");
    else if (errors.primaryKey) setStep("key");
  };

  if (step === "intro") {
    return frame(null, <IntroStep source={source} limits={limits} busy={busy} error={introError} fileError={fileError} onStart={start} />);
  }
  if (error && !status) return frame(null, <StatusProblem error={error} baseId={baseId} />);
  if (step === "confirm" && confirming) {
    const back = () => setStep("settings");
    return frame("settings", <ConfirmStep summary={confirming.summary} onBack={back} onSave={() => save(confirming.values, true)} />);
  }
  if (step === "creating") {
    return frame(null, <CreatingStep mode={mode} rowCount={status?.latestPayload?.rowCount ?? null} progress={creating.status?.progress ?? null} />);
  }
  if (status && mode === "setup" && status.status === "active") {
    return frame(null, <StatusProblem alreadyActive baseId={baseId} status={status} />);
  }
  if (status && mode === "configure" && !status.config) {
    return frame(null, <StatusProblem notConfigured baseId={baseId} status={status} />);
  }

  const payload = status?.latestPayload ?? null;
  const header = payload?.header ?? [];
  const sampleRows = payload?.sampleRows ?? [];
  const stepError = serverError && serverError.step === step ? serverError.message : null;
  const canGoBack = step === "key" || step === "settings" || (step === "fields" && mode === "setup");
  const formStep = step === "fields" || step === "key" || step === "settings";

  return frame(
    step,
    <FormProvider {...form}>
      <form onSubmit={form.handleSubmit((values) => save(values), invalid)} noValidate>
        {step === "setup" && <SetupStep baseId={baseId} status={status} />}
        {formStep && !ready && <p className="text-sm text-gray-600">Loading the latest request…</p>}
        {step === "fields" && ready && (
          <FieldsStep
            rowIds={rows.fields.map((f) => f.id)}
            onMove={rows.move}
            header={header}
            sampleRows={sampleRows}
            notice={notice}
            serverError={stepError}
          />
        )}
        {step === "key" && ready && <KeyStep header={header} sampleRows={sampleRows} />}
        {step === "key" && stepError && <p className="mt-2 text-sm text-red-700">{stepError}</p>}
        {step === "settings" && ready && <SettingsStep serverError={stepError} />}
        {step === "settings" && ready && mode === "configure" && <ChangePreview summary={preview} />}
        <WizardFooter>
          {mode === "configure" && (
            <Link
              href={tableHref}
              className={`${secondaryButton} mr-auto`}
              onClick={() => {
                saving.stop();
                if (syncId) void deleteDraft(baseId, syncId).catch(() => undefined);
              }}
            >
              Cancel
            </Link>
          )}
          {canGoBack && (
            <button type="button" onClick={back} className={secondaryButton}>
              Back
            </button>
          )}
          {step === "settings" ? (
            // Distinct keys: React must not turn the clicked "Next" into this submit button mid-click.
            <button key="submit" type="submit" className={primaryButton} disabled={!ready}>
              {mode === "configure" ? "Save configuration" : "Create table"}
            </button>
          ) : (
            <button
              key="next"
              type="button"
              onClick={next}
              className={primaryButton}
              disabled={step === "setup" ? !payload || !ready : !ready}
            >
              Next
            </button>
          )}
        </WizardFooter>
      </form>
    </FormProvider>,
  );
}
