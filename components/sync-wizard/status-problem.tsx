// What the wizard shows instead of its steps: a sync that cannot be loaded, one already set up,
// or one whose configuration does not exist yet.
import Link from "next/link";
import type { SyncStatusJson } from "@/lib/sync-shapes/json";
import type { ApiRequestError } from "@/components/api/client";

type Props = {
  baseId: string;
  error?: ApiRequestError;
  status?: SyncStatusJson;
  alreadyActive?: boolean;
  notConfigured?: boolean;
};

const link = "font-medium text-blue-700 hover:underline";

export function StatusProblem({ baseId, error, status, alreadyActive, notConfigured }: Props) {
  if (alreadyActive && status) {
    return (
      <div className="space-y-2 text-sm">
        <p>This sync is already set up.</p>
        <p className="flex flex-wrap gap-4">
          <Link className={link} href={`/bases/${baseId}/tables/${status.tableId}`}>
            Open the table
          </Link>
          <Link className={link} href={`/bases/${baseId}/sync/${status.id}/configure`}>
            Update sync configuration
          </Link>
        </p>
      </div>
    );
  }
  if (notConfigured && status) {
    return (
      <div className="space-y-2 text-sm">
        <p>This sync has not been set up yet.</p>
        <Link className={link} href={`/bases/${baseId}/sync/${status.id}`}>
          Continue setting it up
        </Link>
      </div>
    );
  }
  const message =
    error?.status === 404 || error?.status === 403
      ? "This sync was not found in this base, or you do not have permission to configure it."
      : (error?.message ?? "Something went wrong.");
  return (
    <div className="space-y-2 text-sm">
      <p className="text-red-700">{message}</p>
      <Link className={link} href={`/bases/${baseId}`}>
        Back to the base
      </Link>
    </div>
  );
}
