// GET /bases/{baseId}/sync/new: set up a new Sync API table (?source=csv: from a local CSV file).
import type { Metadata } from "next";
import { WizardPage } from "@/components/sync-wizard/wizard-page";
import { requireBaseMember } from "@/lib/auth/current-user";
import { syncLimits } from "@/lib/env";

export const metadata: Metadata = { title: "Sync API · Tablesync" };

type Props = { params: Promise<{ baseId: string }>; searchParams: Promise<{ source?: string | string[] }> };

export default async function NewSyncPage({ params, searchParams }: Props) {
  const { baseId } = await params;
  const { role } = await requireBaseMember(baseId);
  const source = (await searchParams).source === "csv" ? "csv" : "api";
  return <WizardPage role={role} baseId={baseId} syncId={null} mode="setup" source={source} limits={syncLimits} />;
}
