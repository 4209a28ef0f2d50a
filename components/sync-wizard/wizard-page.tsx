// What the wizard pages render after the membership check: the wizard for creators and owners,
// an explanation for everyone else (the API would refuse them anyway).
import Link from "next/link";
import { roleAtLeast } from "@/lib/auth/scopes";
import { DiscardSetupButton } from "@/components/syncs/discard-setup-button";
import { SyncWizard } from "./sync-wizard";

type Props = {
  role: string;
  baseId: string;
  syncId: string | null;
  mode: "setup" | "configure";
  source: "api" | "csv";
};

export function WizardPage({ role, ...props }: Props) {
  if (!roleAtLeast(role, "creator")) {
    return (
      <main className="mx-auto max-w-xl p-6 text-sm">
        <h2 className="text-lg font-semibold">Sync API</h2>
        <p className="mt-2 text-gray-700">
          Setting up or changing a sync needs creator permissions in this base. Ask an owner of the base to give you that role.
        </p>
        <Link href={`/bases/${props.baseId}`} className="mt-4 inline-block font-medium text-blue-700 hover:underline">
          Back to the base
        </Link>
      </main>
    );
  }
  return (
    <main className="px-2 sm:px-4">
      <SyncWizard {...props} />
      {props.mode === "setup" && props.syncId && (
        <div className="mx-auto max-w-3xl px-2 pb-8 text-right">
          <DiscardSetupButton baseId={props.baseId} syncId={props.syncId} />
        </div>
      )}
    </main>
  );
}
