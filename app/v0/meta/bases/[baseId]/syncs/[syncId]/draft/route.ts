// PUT /v0/meta/bases/{baseId}/syncs/{syncId}/draft: keep the setup wizard's step and unsaved
// choices on the sync; DELETE: forget them (Cancel). Answers 204.
import { authorizeBase, SYNC_WRITE } from "@/lib/auth/permissions";
import { apiRoute } from "@/lib/http/api";
import { readJsonBody } from "@/lib/http/body";
import { parseBody } from "@/lib/http/validate";
import { saveWizardDraft } from "@/lib/data/sync-endpoints";
import { findSyncInBase } from "@/lib/sync/endpoints";
import { wizardDraftSchema } from "@/lib/sync-wizard/draft";

type Params = { baseId: string; syncId: string };

export const PUT = apiRoute<Params>(async ({ req, params, principal }) => {
  await authorizeBase(principal, params.baseId, SYNC_WRITE);
  const sync = await findSyncInBase(params.baseId, params.syncId);
  await saveWizardDraft(sync.id, parseBody(wizardDraftSchema, await readJsonBody(req)));
  return new Response(null, { status: 204 });
});

export const DELETE = apiRoute<Params>(async ({ params, principal }) => {
  await authorizeBase(principal, params.baseId, SYNC_WRITE);
  await saveWizardDraft((await findSyncInBase(params.baseId, params.syncId)).id, null);
  return new Response(null, { status: 204 });
});
