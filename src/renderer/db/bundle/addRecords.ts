/**
 * A bundle's records into their tables, in the order their references need. Called inside the caller's
 * write transaction (restoring a workbook, making a review copy), never on its own.
 */
import type { BundleRecords } from '../../../core/bundle/contents';
import type { WorkbookDb } from '../database';

export async function addRecords(db: WorkbookDb, records: BundleRecords, options: { reviews: boolean }): Promise<void> {
  if (records.organization) await db.organization.add(records.organization);
  await db.sites.bulkAdd(records.sites);
  await db.people.bulkAdd(records.people);
  await db.assessments.bulkAdd(records.assessments);
  await db.responses.bulkAdd(records.responses);
  await db.evidence.bulkAdd(records.evidence);
  await db.links.bulkAdd(records.links);
  await db.actions.bulkAdd(records.actions);
  await db.settings.bulkAdd(records.settings);
  await db.overlays.bulkAdd(records.overlays);
  if (options.reviews) await db.reviews.bulkAdd(records.reviews);
}

/** The next evidence number after the bundle's highest, so a number is never given twice. */
export const nextEvidenceNumber = (records: Pick<BundleRecords, 'evidence'>): number =>
  records.evidence.reduce((n, e) => Math.max(n, e.number), 0) + 1;
