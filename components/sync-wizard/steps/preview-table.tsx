"use client";
// A few sample rows rendered with the chosen types; cells that would not parse are marked, with
// the reason in their title.
import { useMemo } from "react";
import { useWatch } from "react-hook-form";
import { FIELD_TYPE_LABELS } from "@/lib/fields/registry";
import { includedFields, type WizardValues } from "@/lib/sync-wizard/form";
import { buildPreview } from "@/lib/sync-wizard/preview";

const PREVIEW_ROWS = 5;

export function PreviewTable({ header, rows }: { header: string[]; rows: string[][] }) {
  const fields = useWatch<WizardValues, "fields">({ name: "fields" });
  const fieldSelection = useWatch<WizardValues, "fieldSelection">({ name: "fieldSelection" });
  const preview = useMemo(
    () => buildPreview({ header, rows, fields: includedFields({ fields, fieldSelection }), limit: PREVIEW_ROWS }),
    [header, rows, fields, fieldSelection],
  );
  if (preview.columns.length === 0 || rows.length === 0) return null;
  return (
    <div className="mt-6">
      <h4 className="text-sm font-semibold">Preview</h4>
      <p className="mt-1 text-xs text-gray-600">
        The first {Math.min(rows.length, PREVIEW_ROWS)} rows of the latest request, as they would appear in the table.
        {preview.problemCount > 0 &&
          ` ${preview.problemCount.toLocaleString("en-US")} ${preview.problemCount === 1 ? "value does" : "values do"} not fit the chosen type and would be left empty.`}
      </p>
      {/* Focusable so a keyboard can scroll a wide preview sideways. */}
      <div tabIndex={0} role="region" aria-label="Preview, scrolls sideways" className="mt-2 max-w-full overflow-x-auto rounded-md border border-gray-200">
        <table aria-label="Preview" className="min-w-full text-left text-sm">
          <thead className="bg-gray-50">
            <tr>
              {preview.columns.map((c) => (
                <th key={c.column} scope="col" className="whitespace-nowrap border-b border-gray-200 px-3 py-2 font-medium">
                  {c.name.trim() || c.column}
                  <span className="block text-xs font-normal text-gray-500">{FIELD_TYPE_LABELS[c.type]}</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {preview.rows.map((row, r) => (
              <tr key={r} className="border-b border-gray-100 last:border-0">
                {row.map((cell, c) =>
                  cell.error ? (
                    <td
                      key={c}
                      title={cell.error}
                      data-invalid="true"
                      className="max-w-64 truncate whitespace-nowrap bg-red-50 px-3 py-1.5 text-red-800 line-through decoration-red-400"
                    >
                      <span aria-hidden>⚠ </span>
                      {cell.display}
                      <span className="sr-only"> (does not parse: {cell.error})</span>
                    </td>
                  ) : (
                    <td key={c} className="max-w-64 truncate whitespace-nowrap px-3 py-1.5">
                      {cell.display}
                    </td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
