/**
 * Everything the documents of one assessment are built from, read from the workbook database: the
 * assessment's records, its organization, site and people, the settings, the licensed text, and who
 * last changed each answer (from the change log).
 */
import type { WorkbookDb } from '../database';
import { WorkbookError } from '../errors';
import { readSettings } from '../repo/settings';
import { workspaceRecords } from './assessmentRecords';
import { printedReviews } from '../../../core/review/printed';
import { lastChanges } from './lastChanges';
import { receivedReviews } from './reviews';
import { readOrganization } from './profile';

export async function snapshotRecords(db: WorkbookDb, assessmentId: string) {
  const records = await workspaceRecords(db, assessmentId);
  if (!records) throw new WorkbookError('That assessment no longer exists.', 'not-found');
  const [organization, site, people, settings, lastChange, received] = await Promise.all([
    readOrganization(db),
    db.sites.get(records.assessment.siteId),
    db.people.orderBy('name').toArray(),
    readSettings(db),
    lastChanges(db, assessmentId),
    receivedReviews(db, assessmentId),
  ]);
  return { ...records, organization, site, people, settings, lastChange, reviews: printedReviews(received) };
}
