"use client";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { GridField, GridPage, GridRecord, TableSyncSummary } from "@/lib/records/grid";
import { SYNCED_EVENT } from "@/components/bases/tab-menu";
import { countOf } from "@/lib/text";
import { DeleteSyncDialog } from "@/components/syncs/delete-sync-dialog";
import { ExpandCellContext } from "./cells/cell-context";
import { InfoDialog } from "./info-dialog";
import { RecordGrid, type RecordGridHandle } from "./record-grid";
import { RecordView } from "./record-view";
import { SaveAnnouncer } from "./save-announcer";
import { SaveStatusStore } from "./save-status";
import { useCellSave } from "./use-cell-save";
import { useFieldManager } from "./field-manager";
import { useOwnFields } from "./use-own-fields";
import { RunHistory } from "./run-history";
import { SyncStatusBar } from "./sync-status-bar";
import { TableMenu } from "./table-menu";
import { useRecords, type GridQuery, type GridSort } from "./use-records";
import { useFillHeight } from "./use-fill-height";
import { useTableSyncSummary } from "./use-table-sync-summary";
import { useCellProblems } from "./use-cell-problems";

type Props = {
  baseId: string;
  tableId: string;
  tableName: string;
  fields: GridField[];
  initialPage: GridPage;
  initialSync: TableSyncSummary | null;
  canRunSync: boolean;
  canConfigure: boolean;
};

// The synced table page: status bar, toolbar (search, count, options), the grid, run history.
export function TableView(props: Props) {
  const { baseId, tableId } = props;
  const [sort, setSort] = useState<GridSort>(null);
  const [searchText, setSearchText] = useState("");
  const [search, setSearch] = useState("");
  const [version, setVersion] = useState(0);
  const [historyOpen, setHistoryOpen] = useState(false);
  const [problemsRun, setProblemsRun] = useState<string | null>(null);
  const [target, setTarget] = useState<{ key: string; column: string } | null>(null);
  const [deleting, setDeleting] = useState(false);
  const [expanded, setExpanded] = useState<{ title: string; text: string } | null>(null);
  const [openRecordId, setOpenRecordId] = useState<string | null>(null);
  const [store] = useState(() => new SaveStatusStore());
  const gridRef = useRef<RecordGridHandle>(null);

  useEffect(() => {
    const timer = setTimeout(() => setSearch(searchText.trim()), 250);
    return () => clearTimeout(timer);
  }, [searchText]);

  const query = useMemo<GridQuery>(() => ({ sort, search }), [sort, search]);

  const base = `/bases/${baseId}/tables/${tableId}`;
  const data = useRecords({ rowsPath: `${base}/rows`, query, version, initial: props.initialPage });
  const own = useOwnFields({ fieldsPath: `${base}/fields`, initial: props.fields });
  const fields = own.fields;
  const saveCell = useCellSave({ recordsPath: `${base}/records`, store, updateRecord: data.updateRecord });
  const focusGrid = useCallback(() => gridRef.current?.focusActive(), []);
  const fieldManager = useFieldManager({ own, store, recordCount: search ? null : data.total, afterClose: focusGrid });
  const openRecord = useCallback((record: GridRecord) => setOpenRecordId(record.id), []);
  const openedRecord = openRecordId ? (data.records.find((r) => r.id === openRecordId) ?? null) : null;
  const reload = useCallback(() => setVersion((v) => v + 1), []);
  const { summary, refresh } = useTableSyncSummary({ statusPath: `${base}/sync-status`, initial: props.initialSync, onRunLanded: reload });
  // "Sync now" from the table tab's drop-down: show its run and rows here too.
  useEffect(() => {
    window.addEventListener(SYNCED_EVENT, refresh);
    return () => window.removeEventListener(SYNCED_EVENT, refresh);
  }, [refresh]);
  const problems = useCellProblems({ baseId, syncId: summary?.syncId ?? null, version });
  // "Show in grid": search for the record's key so it is among the loaded rows, then focus the cell.
  const showInGrid = useCallback((next: { key: string; column: string }) => {
    setSort(null);
    setSearchText(next.key);
    setTarget(next);
  }, []);
  const targetShown = useCallback(() => setTarget(null), []);
  const expand = useCallback((field: GridField, text: string) => setExpanded({ title: field.name, text }), []);
  const { ref: fillRef, height } = useFillHeight();

  return (
    <ExpandCellContext.Provider value={expand}>
      <div ref={fillRef} className="flex min-h-0 flex-col" style={{ height }}>
        <SyncStatusBar
          summary={summary}
          baseId={baseId}
          canRun={props.canRunSync}
          onRan={refresh}
          onShowProblems={(runId) => {
            setProblemsRun(runId);
            setHistoryOpen(true);
          }}
        />
        <div className="flex flex-wrap items-center gap-3 bg-white px-4 py-2">
          <input
            type="search"
            value={searchText}
            onChange={(e) => setSearchText(e.target.value)}
            placeholder="Search text fields"
            aria-label="Search records"
            className="w-64 rounded-md border border-gray-300 px-2 py-1.5 text-sm"
          />
          <span className="text-sm text-gray-700" aria-live="polite">
            {countOf(data.total, "record")}
            {data.loading ? " · loading…" : ""}
          </span>
          <SaveAnnouncer store={store} />
          {data.error && <span className="text-sm text-red-700">Could not load records: {data.error}</span>}
          <span className="ml-auto flex items-center gap-2">
            {summary && (
              <button
                type="button"
                aria-expanded={historyOpen}
                onClick={() => setHistoryOpen(!historyOpen)}
                className="rounded-md border border-gray-300 bg-white px-3 py-1.5 text-sm font-medium text-gray-800 hover:bg-gray-50"
              >
                Run history
              </button>
            )}
            <TableMenu
              configureHref={summary && props.canConfigure ? `/bases/${baseId}/sync/${summary.syncId}/configure` : null}
              csvHref={`/v0/${baseId}/${tableId}/csv`}
              onDelete={summary && props.canConfigure ? () => setDeleting(true) : null}
            />
          </span>
        </div>
        {data.total === 0 && !data.loading && (
          <p role="status" className="border-t border-gray-200 bg-white px-4 py-3 text-sm text-gray-700">
            {search ? `No records match “${search}”.` : "No records yet."}
          </p>
        )}
        <RecordGrid
          fields={fields}
          records={data.records}
          total={data.total}
          busy={data.loading}
          sort={sort}
          onSortChange={setSort}
          onNeedRows={data.ensureLoaded}
          onOpenRecord={openRecord}
          queryKey={`${sort?.fieldId}:${sort?.direction}:${search}`}
          problems={problems}
          target={target && search === target.key ? target : null}
          onTargetShown={targetShown}
          canEdit={props.canRunSync}
          store={store}
          saveCell={saveCell}
          onAddField={props.canConfigure ? fieldManager.openAdd : null}
          onFieldMenu={props.canConfigure ? fieldManager.onMenu : null}
          handle={gridRef}
        />
        {historyOpen && summary && (
          <section aria-label="Run history" className="max-h-[40vh] overflow-auto border-t border-gray-300 bg-white">
            <h2 className="px-4 pt-3 text-sm font-semibold">Run history</h2>
            <RunHistory baseId={baseId} syncId={summary.syncId} version={version} openRunId={problemsRun} onShowInGrid={showInGrid} onUndone={refresh} />
          </section>
        )}
      </div>
      <InfoDialog open={expanded !== null} title={expanded?.title ?? ""} onClose={() => setExpanded(null)}>
        <p className="whitespace-pre-wrap break-words">{expanded?.text}</p>
      </InfoDialog>
      <RecordView
        record={openedRecord}
        fields={fields}
        canEdit={props.canRunSync}
        store={store}
        saveCell={saveCell}
        onClose={() => setOpenRecordId(null)}
        onClosed={focusGrid}
      />
      {fieldManager.dialogs}
      {summary && props.canConfigure && (
        <DeleteSyncDialog
          open={deleting}
          onClose={() => setDeleting(false)}
          baseId={baseId}
          syncId={summary.syncId}
          target={{ kind: "table", name: props.tableName, recordCount: search ? undefined : data.total }}
        />
      )}
    </ExpandCellContext.Provider>
  );
}
