/** The marking of each evidence item an assessment links: what the Export screen needs to say whether the documents' marking will be raised. */
import type { Evidence } from '../../../core/records/model';
import type { WorkbookDb } from '../database';

export async function evidenceMarkings(db: WorkbookDb, assessmentId: string): Promise<Pick<Evidence, 'id' | 'classification'>[]> {
  if (!assessmentId) return [];
  return db.transaction('r', [db.links, db.evidence], async () => {
    const links = await db.links.where('assessmentId').equals(assessmentId).toArray();
    const ids = [...new Set(links.map((l) => l.evidenceId))];
    const evidence = await db.evidence.bulkGet(ids);
    // In evidence order, as the documents list them, so the notice names the same items first.
    return evidence
      .filter((e): e is Evidence => e !== undefined)
      .sort((a, b) => a.number - b.number)
      .map(({ id, classification }) => ({ id, classification }));
  });
}
