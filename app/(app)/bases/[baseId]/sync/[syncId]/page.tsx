// GET /bases/{baseId}/sync/{syncId}: resume setting up a sync that is still waiting or received.
import type { Metadata } from "next";
import { WizardPage } from "@/components/sync-wizard/wizard-page";
import { basePageMetadata } from "@/lib/accounts/page-title";
import { wizardPageProps, type WizardRouteProps } from "@/lib/sync/wizard-page";

export async function generateMetadata({ params }: { params: Promise<{ baseId: string }> }): Promise<Metadata> {
  return basePageMetadata((await params).baseId, "Sync API");
}

export default async function ResumeSyncPage(props: WizardRouteProps) {
  return <WizardPage {...await wizardPageProps(props)} mode="setup" source="api" />;
}
