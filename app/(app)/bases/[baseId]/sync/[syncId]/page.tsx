// GET /bases/{baseId}/sync/{syncId}: resume setting up a sync that is still waiting or received.
import type { Metadata } from "next";
import { WizardPage } from "@/components/sync-wizard/wizard-page";
import { basePageMetadata } from "@/lib/accounts/page-title";
import { requireBaseMember } from "@/lib/auth/current-user";

export async function generateMetadata({ params }: { params: Promise<{ baseId: string }> }): Promise<Metadata> {
  return basePageMetadata((await params).baseId, "Sync API");
}

export default async function ResumeSyncPage({ params }: { params: Promise<{ baseId: string; syncId: string }> }) {
  const { baseId, syncId } = await params;
  const { role } = await requireBaseMember(baseId);
  return <WizardPage role={role} baseId={baseId} syncId={syncId} mode="setup" source="api" />;
}
