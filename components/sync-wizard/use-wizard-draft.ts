"use client";
// Keeps the wizard where it is: the step in the URL (?step=…, so Back and Forward move between
// steps and a reload reopens the step) and the unsaved choices on the sync as a draft (saved half a
// second after the last change), so a reload, another device or a colleague continues from there.
import { useEffect, useMemo, useRef, type RefObject } from "react";
import type { UseFormReturn } from "react-hook-form";
import { draftFromForm, parseWizardStep, WIZARD_STEPS, type WizardDraftStep } from "@/lib/sync-wizard/draft";
import type { WizardValues } from "@/lib/sync-wizard/form";
import { putDraft, SYNC_DELETING_EVENT } from "./api";

const SAVE_DELAY_MS = 500;

type Input = {
  baseId: string;
  syncId: string | null;
  step: string;
  ready: boolean;
  form: UseFormReturn<WizardValues>;
  payloadId: RefObject<string | null>;
  setStep: (step: WizardDraftStep) => void;
};

const isDraftStep = (step: string): step is WizardDraftStep => (WIZARD_STEPS as readonly string[]).includes(step);

export function useWizardDraft({ baseId, syncId, step, ready, form, payloadId, setStep }: Input) {
  const stopped = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const wroteUrl = useRef(false);
  const setStepRef = useRef(setStep);
  useEffect(() => {
    setStepRef.current = setStep;
  });

  // The step into the URL: the first write replaces (a reload is not a new history entry).
  useEffect(() => {
    if (!syncId || !isDraftStep(step)) return;
    const url = new URL(window.location.href);
    if (url.searchParams.get("step") === step) {
      wroteUrl.current = true;
      return;
    }
    url.searchParams.set("step", step);
    if (wroteUrl.current) window.history.pushState(null, "", url);
    else window.history.replaceState(null, "", url);
    wroteUrl.current = true;
  }, [step, syncId]);

  // A sync being deleted ("Discard setup") gets no more drafts.
  useEffect(() => {
    const onDeleting = (e: Event) => {
      if ((e as CustomEvent<string>).detail !== syncId) return;
      stopped.current = true;
      clearTimeout(timer.current);
    };
    window.addEventListener(SYNC_DELETING_EVENT, onDeleting);
    return () => window.removeEventListener(SYNC_DELETING_EVENT, onDeleting);
  }, [syncId]);

  // Back and Forward: the step follows the URL.
  useEffect(() => {
    const onPop = () => {
      const fromUrl = parseWizardStep(new URL(window.location.href).searchParams.get("step"));
      if (fromUrl) setStepRef.current(fromUrl);
    };
    window.addEventListener("popstate", onPop);
    return () => window.removeEventListener("popstate", onPop);
  }, []);

  // The draft: after the form is filled, on every change of a choice or of the step.
  useEffect(() => {
    if (!syncId || !ready || !isDraftStep(step)) return;
    const schedule = () => {
      if (stopped.current) return;
      clearTimeout(timer.current);
      timer.current = setTimeout(() => {
        if (stopped.current) return;
        const draft = draftFromForm({ step, payloadId: payloadId.current || null, values: form.getValues() });
        // A lost save costs the last half second of choices, never the configuration: ignore errors.
        putDraft(baseId, syncId, draft).catch(() => undefined);
      }, SAVE_DELAY_MS);
    };
    schedule();
    const subscription = form.watch(schedule);
    return () => {
      subscription.unsubscribe();
      clearTimeout(timer.current);
    };
  }, [baseId, syncId, step, ready, form, payloadId]);

  return useMemo(
    () => ({
      // Saving the configuration clears the draft on the server: nothing may write one after it.
      stop: () => {
        stopped.current = true;
        clearTimeout(timer.current);
      },
      resume: () => {
        stopped.current = false;
      },
    }),
    [],
  );
}
