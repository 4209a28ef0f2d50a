import "server-only";
import { requireBaseMember } from "../auth/current-user";
import { syncLimits } from "../env";
import { parseWizardStep } from "../sync-wizard/draft";

export type WizardRouteProps = { params: Promise<{ baseId: string; syncId: string }>; searchParams: Promise<{ step?: string | string[] }> };

// What the wizard's pages for an existing sync (set up, configure) hand to it: the viewer's role,
// the server's limits, and the step named in the URL (?step=fields; the wizard keeps it in step).
export async function wizardPageProps({ params, searchParams }: WizardRouteProps) {
  const { baseId, syncId } = await params;
  const { step } = await searchParams;
  const { role } = await requireBaseMember(baseId);
  return { role, baseId, syncId, limits: syncLimits, initialStep: parseWizardStep(typeof step === "string" ? step : null) };
}
