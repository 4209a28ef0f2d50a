// GET /bases/{baseId}/sync/{syncId}: resume setting up a sync that is still waiting or received.
import type { Metadata } from "next";
import { WizardPage } from "@/components/sync-wizard/wizard-page";
import { requireBaseMember } from "@/lib/auth/current-user";
import { syncLimits } from "@/lib/env";

export const metadata: Metadata = { title: "Sync API · Tablesync" };

export default async function ResumeSyncPage({ params }: { params: Promise<{ baseId: string; syncId: string }> }) {
  const { baseId, syncId } = await params;
  const { role } = await requireBaseMember(baseId);
  return <WizardPage role={role} baseId={baseId} syncId={syncId} mode="setup" source="api" limits={syncLimits} />;
}
