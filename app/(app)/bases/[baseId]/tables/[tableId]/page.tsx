// /bases/{baseId}/tables/{tableId}: the synced table (status bar, grid, run history).
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { TableView } from "@/components/grid/table-view";
import { loadTablePage } from "@/lib/records/table-page";

type Params = { params: Promise<{ baseId: string; tableId: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { baseId, tableId } = await params;
  const data = await loadTablePage(baseId, tableId);
  if (!data) notFound();
  return { title: `${data.table.name} · Tablesync` };
}

export default async function TablePage({ params }: Params) {
  const { baseId, tableId } = await params;
  const data = await loadTablePage(baseId, tableId);
  if (!data) notFound();
  return (
    <>
      <h1 className="sr-only">{data.table.name}</h1>
      <TableView
        baseId={baseId}
        tableId={data.table.id}
        tableName={data.table.name}
        fields={data.fields}
        initialPage={data.initialPage}
        initialSync={data.sync}
        canRunSync={data.canRunSync}
        canConfigure={data.canConfigure}
      />
    </>
  );
}
