/**
 * The assessments list: each assessment with its site's name and its progress. Progress is counted by
 * core (progressOf, the dashboard's rule) from that assessment's own responses, read through the
 * responses' assessmentId index one assessment at a time; the list keeps the counts, not the responses.
 */
import { progressOf } from '../../../core/scoring/score';
import type { Assessment } from '../../../core/records/model';
import { catalogueById } from '../../content/catalogues';
import type { WorkbookDb } from '../database';
import { listAssessments } from '../repo/assessments';
import { listResponses } from '../repo/responses';

export interface AssessmentRow {
  assessment: Assessment;
  siteName: string | undefined;
  /** The catalogue's edition, or undefined when this version of the app does not ship it. */
  edition: string | undefined;
  /** Assessed of applicable, as the dashboard counts it; null without the catalogue. */
  progress: { assessed: number; applicable: number } | null;
}

/** Most recently changed first; archived ones only when asked for (their responses are not read otherwise). */
export async function assessmentRows(db: WorkbookDb, options: { includeArchived: boolean }): Promise<AssessmentRow[]> {
  const assessments = await listAssessments(db, options);
  const siteIds = [...new Set(assessments.map((a) => a.siteId))];
  const sites = await db.sites.bulkGet(siteIds);
  const siteNames = new Map(siteIds.map((id, i) => [id, sites[i]?.name]));
  return Promise.all(
    assessments.map(async (assessment): Promise<AssessmentRow> => {
      const catalogue = catalogueById(assessment.catalogueId);
      const progress = catalogue ? progressOf(catalogue, assessment, await listResponses(db, assessment.id)) : null;
      return {
        assessment,
        siteName: siteNames.get(assessment.siteId),
        edition: catalogue?.catalogue.edition,
        progress: progress ? { assessed: progress.assessed, applicable: progress.applicable } : null,
      };
    }),
  );
}
