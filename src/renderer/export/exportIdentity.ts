/**
 * The one place the export flow counts revisions: an export prints the revision after the last one
 * saved, and that revision is recorded once any of its documents is saved. A cancelled or unsaved
 * export records nothing, so the revisions an auditor sees have no gaps. Each export draws its own ID.
 */
import { formatExportId } from '../../core/documents/control';
import type { WorkbookSnapshot } from '../../core/snapshot/snapshot';
import type { WorkbookDb } from '../db/database';
import { lastExportRevision, recordExportRevision } from '../db/exportRevision';
import { noteExport } from './exportAnchor';

export interface ExportIdentity {
  revision: number;
  exportId: string;
}

export async function startExport(db: WorkbookDb, assessmentId: string): Promise<ExportIdentity> {
  const revision = (await lastExportRevision(db, assessmentId)) + 1;
  return { revision, exportId: formatExportId(crypto.getRandomValues(new Uint8Array(5))) };
}

/** After saving: the revision is counted and the change log's head written down (exportAnchor). */
export async function finishExport(db: WorkbookDb, snapshot: WorkbookSnapshot, identity: ExportIdentity, what: string): Promise<void> {
  await recordExportRevision(db, snapshot.assessment.id, identity.revision);
  await noteExport(db, snapshot.changeLog, what);
}
