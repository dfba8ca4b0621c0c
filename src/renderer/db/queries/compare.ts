/**
 * What the comparison screen reads: the sites with their assessments (newest period first), and the
 * records of the two assessments chosen, through the same query the documents' snapshot uses.
 */
import type { Assessment } from '../../../core/records/model';
import type { WorkbookDb } from '../database';
import { listAssessments } from '../repo/assessments';
import { snapshotRecords } from './snapshot';

export interface SiteAssessments {
  siteId: string;
  siteName: string;
  /** Latest period first; archived ones included, since an old baseline is often archived. */
  assessments: Assessment[];
}

/** Later period end first, then later period start, then the one created later. */
export function byPeriodNewestFirst(a: Assessment, b: Assessment): number {
  return b.periodEnd.localeCompare(a.periodEnd) || b.periodStart.localeCompare(a.periodStart) || b.createdAt.localeCompare(a.createdAt);
}

export async function compareChoices(db: WorkbookDb): Promise<SiteAssessments[]> {
  const assessments = await listAssessments(db, { includeArchived: true });
  const siteIds = [...new Set(assessments.map((a) => a.siteId))];
  const sites = await db.sites.bulkGet(siteIds);
  return siteIds
    .map((siteId, i) => ({
      siteId,
      siteName: sites[i]?.name || 'Site without a name',
      assessments: assessments.filter((a) => a.siteId === siteId).sort(byPeriodNewestFirst),
    }))
    .sort((a, b) => a.siteName.localeCompare(b.siteName));
}

/** The records of both assessments, baseline first. */
export async function comparisonRecords(db: WorkbookDb, baselineId: string, currentId: string) {
  return Promise.all([snapshotRecords(db, baselineId), snapshotRecords(db, currentId)]);
}
