// GET /bases/{baseId}/sync/new: set up a new Sync API table (?source=csv: from a local CSV file).
import type { Metadata } from "next";
import { WizardPage } from "@/components/sync-wizard/wizard-page";
import { basePageMetadata } from "@/lib/accounts/page-title";
import { requireBaseMember } from "@/lib/auth/current-user";
import { syncLimits } from "@/lib/env";

export async function generateMetadata({ params }: { params: Promise<{ baseId: string }> }): Promise<Metadata> {
  return basePageMetadata((await params).baseId, "Sync API");
}

type Props = { params: Promise<{ baseId: string }>; searchParams: Promise<{ source?: string | string[] }> };

export default async function NewSyncPage({ params, searchParams }: Props) {
  const { baseId } = await params;
  const { role } = await requireBaseMember(baseId);
  const source = (await searchParams).source === "csv" ? "csv" : "api";
  return <WizardPage role={role} baseId={baseId} syncId={null} mode="setup" source={source} limits={syncLimits} />;
}
