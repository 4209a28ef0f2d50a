import "server-only";
import { db } from "../db";
import { Prisma } from "../generated/prisma/client";
import type { WizardDraft } from "../sync-wizard/draft";
import type { SyncEndpointRef } from "./endpoints";

// PUT / DELETE …/syncs/{syncId}/draft: the wizard keeps its unsaved step and choices on the sync.
// Last write wins (two people in one wizard see each other's latest choices on reload).
export async function saveWizardDraft(sync: SyncEndpointRef, draft: WizardDraft | null): Promise<void> {
  await db.syncEndpoint.update({ where: { id: sync.id }, data: { draft: draft ?? Prisma.DbNull } });
}
