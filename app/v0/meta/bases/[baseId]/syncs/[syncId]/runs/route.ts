// GET /v0/meta/bases/{baseId}/syncs/{syncId}/runs: the sync's runs, newest first
// (?limit=1–500, default 50; ?problems=none leaves each run's problem list out), and the one an undo
// would revert.
import { apiRoute } from "@/lib/http/api";
import { authorizeSchemaRead, syncViewer } from "@/lib/sync/access";
import { findSyncInBase } from "@/lib/sync/endpoints";
import { listRuns, parseRunsLimit } from "@/lib/data/sync-runs";
import { redactRun } from "@/lib/sync/redact";
import { findUndoableRun } from "@/lib/sync/undo";
import { methodNotAllowed } from "@/lib/http/methods";

export const GET = apiRoute<{ baseId: string; syncId: string }>(async ({ req, params, principal }) => {
  const viewer = syncViewer(principal, await authorizeSchemaRead(principal, params.baseId));
  const sync = await findSyncInBase(params.baseId, params.syncId);
  const search = new URL(req.url).searchParams;
  const limit = parseRunsLimit(search.get("limit"));
  const [runs, undoableRunId] = await Promise.all([
    listRuns(sync.id, { limit, withProblems: search.get("problems") !== "none" }),
    findUndoableRun(sync.id),
  ]);
  return { runs: runs.map((run) => redactRun(run, viewer)), undoableRunId };
});

const notAllowed = methodNotAllowed(["GET"]);
export { notAllowed as POST, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
