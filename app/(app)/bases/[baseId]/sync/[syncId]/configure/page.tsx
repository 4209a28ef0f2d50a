// GET /bases/{baseId}/sync/{syncId}/configure: "Update sync configuration" with the current values.
import type { Metadata } from "next";
import { WizardPage } from "@/components/sync-wizard/wizard-page";
import { basePageMetadata } from "@/lib/accounts/page-title";
import { requireBaseMember } from "@/lib/auth/current-user";

export async function generateMetadata({ params }: { params: Promise<{ baseId: string }> }): Promise<Metadata> {
  return basePageMetadata((await params).baseId, "Update sync configuration");
}

export default async function ConfigureSyncPage({ params }: { params: Promise<{ baseId: string; syncId: string }> }) {
  const { baseId, syncId } = await params;
  const { role } = await requireBaseMember(baseId);
  return <WizardPage role={role} baseId={baseId} syncId={syncId} mode="configure" source="api" />;
}
