/**
 * The details asked for right after attaching files: the same owner and dates given to every file of one
 * attachment, in one transaction (all or none), each record changing only in the fields named.
 */
import type { Evidence } from '../../../core/records/model';
import type { WorkbookDb } from '../database';
import { mutate } from '../mutate';
import { updateEvidence, type EvidenceMetadataPatch } from './evidence';

export async function updateEvidenceDetails(db: WorkbookDb, ids: readonly string[], patch: EvidenceMetadataPatch): Promise<Evidence[]> {
  // The inner updates join this transaction, so a refusal on any one writes nothing.
  return mutate(db, async () => {
    const updated: Evidence[] = [];
    for (const id of ids) updated.push(await updateEvidence(db, id, patch));
    return updated;
  });
}

/** The name of the person set as working on this workbook, or '' when nobody is chosen (owner prefill). */
export async function workingPersonName(db: WorkbookDb): Promise<string> {
  const actorId = (await db.settings.get('actorId'))?.value;
  if (typeof actorId !== 'string' || !actorId) return '';
  return (await db.people.get(actorId))?.name ?? '';
}
