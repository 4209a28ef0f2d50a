// GET /bases/{baseId}/sync/{syncId}/configure: "Update sync configuration" with the current values.
import type { Metadata } from "next";
import { WizardPage } from "@/components/sync-wizard/wizard-page";
import { basePageMetadata } from "@/lib/accounts/page-title";
import { requireBaseMember } from "@/lib/auth/current-user";
import { syncLimits } from "@/lib/env";
import { parseWizardStep } from "@/lib/sync-wizard/draft";

export async function generateMetadata({ params }: { params: Promise<{ baseId: string }> }): Promise<Metadata> {
  return basePageMetadata((await params).baseId, "Update sync configuration");
}

type Props = { params: Promise<{ baseId: string; syncId: string }>; searchParams: Promise<{ step?: string | string[] }> };

// ?step=fields opens that step (the wizard keeps the URL in step with it).
export default async function ConfigureSyncPage({ params, searchParams }: Props) {
  const { baseId, syncId } = await params;
  const { step } = await searchParams;
  const { role } = await requireBaseMember(baseId);
  return (
    <WizardPage
      role={role}
      baseId={baseId}
      syncId={syncId}
      mode="configure"
      source="api"
      limits={syncLimits}
      initialStep={parseWizardStep(typeof step === "string" ? step : null)}
    />
  );
}
