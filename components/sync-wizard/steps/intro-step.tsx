"use client";
// First screen of a new sync: what the Sync API does, the name of the table to create, and for
// the CSV-file source the file to send.
import { useState } from "react";
import { useHydrated } from "@/components/ui/use-hydrated";
import { formatBytes, type SyncLimits } from "@/lib/csv/limits";
import { FieldError, inputClass, primaryButton, WizardFooter } from "../wizard-frame";

type Props = {
  source: "api" | "csv";
  limits: SyncLimits;
  busy: boolean;
  error: string | null;
  fileError: string | null;
  onStart: (input: { name: string; file: File | null }) => void;
};

const fileBaseName = (name: string) => name.replace(/\.csv$/i, "").trim();

export function IntroStep({ source, limits, busy, error, fileError, onStart }: Props) {
  const [name, setName] = useState(source === "csv" ? "" : "API sync");
  const hydrated = useHydrated();
  const [file, setFile] = useState<File | null>(null);
  const [localFileError, setLocalFileError] = useState<string | null>(null);
  const shownFileError = localFileError ?? fileError;

  const pickFile = (picked: File | null) => {
    setFile(picked);
    setLocalFileError(null);
    if (!picked) return;
    if (picked.size > limits.maxBodyBytes) {
      setLocalFileError(`This file is larger than ${formatBytes(limits.maxBodyBytes)}, the most one sync request may carry.`);
    }
    if (!name.trim()) setName(fileBaseName(picked.name));
  };

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    if (source === "csv" && !file) {
      setLocalFileError("Choose a CSV file to upload.");
      return;
    }
    if (localFileError) return;
    onStart({ name: name.trim(), file });
  };

  return (
    <form onSubmit={submit} noValidate>
      <h3 className="text-base font-semibold">{source === "csv" ? "Sync a CSV file" : "Sync data from your own system"}</h3>
      {source === "csv" ? (
        <p className="mt-2 text-sm text-gray-700">
          Pick a CSV file from your computer. Its first row names the fields; every other row becomes a record. The file is
          sent to this table&apos;s sync endpoint, the same one your systems can later POST to.
        </p>
      ) : (
        <div className="mt-2 space-y-2 text-sm text-gray-700">
          <p>
            The Sync API keeps a table in this base in step with data from another application. That application sends its
            whole data set as CSV in an HTTP POST request, authorised by a personal access token with the{" "}
            <code>data.records:write</code> and <code>schema.bases:write</code> scopes.
          </p>
          <p>
            The sync is one way: the table follows the CSV, and synced records cannot be edited here. Each request can carry up
            to {limits.maxRows.toLocaleString("en-US")} rows, {limits.maxColumns.toLocaleString("en-US")} columns and{" "}
            {formatBytes(limits.maxBodyBytes)}.
          </p>
        </div>
      )}
      <div className="mt-4 max-w-md">
        <label htmlFor="sync-name" className="block text-sm font-medium">
          Table name
        </label>
        <input
          id="sync-name"
          className={`${inputClass} mt-1`}
          value={name}
          onChange={(e) => setName(e.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? "sync-name-error" : undefined}
          required
        />
        <FieldError id="sync-name-error" message={error} />
      </div>
      {source === "csv" && (
        <div className="mt-4 max-w-md">
          <label htmlFor="sync-file" className="block text-sm font-medium">
            File to upload
          </label>
          <input
            id="sync-file"
            type="file"
            accept=".csv,text/csv"
            className="mt-1 block w-full text-sm"
            onChange={(e) => pickFile(e.target.files?.[0] ?? null)}
            aria-invalid={shownFileError ? true : undefined}
            aria-describedby={shownFileError ? "sync-file-error" : undefined}
          />
          <FieldError id="sync-file-error" message={shownFileError} />
        </div>
      )}
      <WizardFooter>
        <button type="submit" className={primaryButton} disabled={busy || !name.trim() || !hydrated}>
          {busy ? (source === "csv" ? "Uploading…" : "Setting up…") : source === "csv" ? "Upload" : "Set up"}
        </button>
      </WizardFooter>
    </form>
  );
}
