// GET /bases/{baseId}/sync/{syncId}/configure: "Update sync configuration" with the current values.
import type { Metadata } from "next";
import { WizardPage } from "@/components/sync-wizard/wizard-page";
import { basePageMetadata } from "@/lib/accounts/page-title";
import { wizardPageProps, type WizardRouteProps } from "@/lib/sync/wizard-page";

export async function generateMetadata({ params }: { params: Promise<{ baseId: string }> }): Promise<Metadata> {
  return basePageMetadata((await params).baseId, "Update sync configuration");
}

export default async function ConfigureSyncPage(props: WizardRouteProps) {
  return <WizardPage {...await wizardPageProps(props)} mode="configure" source="api" />;
}
