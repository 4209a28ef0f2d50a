"use client";
// "Update sync configuration", before Save: what the change will do (from a dry run of it), and an
// explicit confirmation when records would be rebuilt with new ids or deleted.
import { useState } from "react";
import type { ChangeSummary } from "@/lib/sync-wizard/change-summary";
import { primaryButton, secondaryButton, WizardFooter } from "../wizard-frame";

export function ConfirmStep({ summary, onBack, onSave }: { summary: ChangeSummary; onBack: () => void; onSave: () => void }) {
  const [understood, setUnderstood] = useState(false);
  return (
    <div>
      <h3 className="text-base font-semibold">What this change will do</h3>
      <ul className="mt-3 list-disc space-y-1 pl-5 text-sm text-gray-800">
        {summary.lines.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      {summary.needsConfirmation && (
        <label className="mt-4 flex items-start gap-2 rounded border border-amber-300 bg-amber-50 p-3 text-sm">
          <input type="checkbox" checked={understood} onChange={(e) => setUnderstood(e.target.checked)} className="mt-0.5" />
          <span>I understand that records will be rebuilt or deleted. (An undo cannot revert a configuration change.)</span>
        </label>
      )}
      <WizardFooter>
        <button type="button" onClick={onBack} className={secondaryButton}>
          Back
        </button>
        <button type="button" onClick={onSave} disabled={summary.needsConfirmation && !understood} className={primaryButton}>
          Save configuration
        </button>
      </WizardFooter>
    </div>
  );
}

// The same summary on the Settings step of "Update sync configuration", before Save.
export function ChangePreview({ summary }: { summary: ChangeSummary | null }) {
  if (!summary) return null;
  return (
    <section aria-label="What this change will do" className="mt-4 rounded border border-gray-200 bg-gray-50 p-3 text-sm">
      <h4 className="font-semibold">What this change will do</h4>
      <ul className="mt-1 list-disc space-y-0.5 pl-5 text-gray-800">
        {summary.lines.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
    </section>
  );
}
