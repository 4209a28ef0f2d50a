// GET /bases/{baseId}/sync/{syncId}/configure: "Update sync configuration" with the current values.
import type { Metadata } from "next";
import { WizardPage } from "@/components/sync-wizard/wizard-page";
import { requireBaseMember } from "@/lib/auth/current-user";
import { syncLimits } from "@/lib/env";

export const metadata: Metadata = { title: "Update sync configuration · Tablesync" };

export default async function ConfigureSyncPage({ params }: { params: Promise<{ baseId: string; syncId: string }> }) {
  const { baseId, syncId } = await params;
  const { role } = await requireBaseMember(baseId);
  return <WizardPage role={role} baseId={baseId} syncId={syncId} mode="configure" source="api" limits={syncLimits} />;
}
