/**
 * The workbook as a bundle carries it: every record, the whole change log and the stored files,
 * read in one read-only transaction so the three agree with each other even while the user works on.
 */
import type { AuditEntry } from '../../../core/audit/chain';
import type { BundleRecords } from '../../../core/bundle/contents';
import type { SettingRow } from '../../../core/records/settings';
import type { WorkbookDb } from '../database';

export interface WorkbookForBundle {
  records: BundleRecords;
  log: AuditEntry[];
  /** The stored file of each SHA-256 (a Blob: its bytes are read later, a piece at a time). */
  blobs: Map<string, Blob>;
}

export async function workbookForBundle(db: WorkbookDb): Promise<WorkbookForBundle> {
  return db.transaction('r', db.tables, async () => {
    const [organization, sites, people, assessments, responses, evidence, links, actions, settings, overlays, reviews, log, blobs] =
      await Promise.all([
        db.organization.get('organization'),
        db.sites.toArray(),
        db.people.toArray(),
        db.assessments.toArray(),
        db.responses.toArray(),
        db.evidence.toArray(),
        db.links.toArray(),
        db.actions.toArray(),
        db.settings.toArray(),
        db.overlays.toArray(),
        db.reviews.toArray(),
        db.audit.orderBy('seq').toArray(),
        db.blobs.toArray(),
      ]);
    return {
      records: {
        organization: organization ?? null,
        sites,
        people,
        assessments,
        responses,
        evidence,
        links,
        actions,
        settings: settings as SettingRow[],
        overlays,
        reviews,
      },
      log,
      blobs: new Map(blobs.map((b) => [b.sha256, b.blob])),
    };
  });
}
