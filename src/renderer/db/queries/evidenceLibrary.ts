/** Reads of the evidence library: every record with every link (for link counts), or the records alone. */
import type { Evidence, EvidenceLink } from '../../../core/records/model';
import type { WorkbookDb } from '../database';

/** The library screen: all evidence and all links; core (libraryRows) counts, filters and sorts them. */
export async function evidenceLibrary(db: WorkbookDb): Promise<{ evidence: Evidence[]; links: EvidenceLink[] }> {
  const [evidence, links] = await Promise.all([db.evidence.toArray(), db.links.toArray()]);
  return { evidence, links };
}

/** All evidence in EV number order, through the number index (for picking one to link). */
export function evidenceByNumber(db: WorkbookDb): Promise<Evidence[]> {
  return db.evidence.orderBy('number').toArray();
}
