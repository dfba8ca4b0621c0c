/** The revision each export prints: counted in the workbook, once per saved export, per assessment. */
import { describe, expect, it } from 'vitest';
import { lastExportRevision, recordExportRevision } from '../db/exportRevision';
import { dbWithAssessment } from '../db/testDb';
import { finishExport, startExport } from './exportIdentity';
import type { WorkbookSnapshot } from '../../core/snapshot/snapshot';

/** Only what finishExport reads: the assessment's ID and a change log with nothing to anchor. */
const snapshotOf = (assessmentId: string) =>
  ({ assessment: { id: assessmentId }, changeLog: { verified: false, entries: 0 } }) as unknown as WorkbookSnapshot;

describe('export revisions', () => {
  it('go up by one for each saved export of the assessment, each export with its own ID', async () => {
    const { db, assessment } = await dbWithAssessment();
    const first = await startExport(db, assessment.id);
    expect(first.revision).toBe(1);
    await finishExport(db, snapshotOf(assessment.id), first, 'documents');
    const second = await startExport(db, assessment.id);
    expect(second.revision).toBe(2);
    await finishExport(db, snapshotOf(assessment.id), second, 'documents');
    expect(await lastExportRevision(db, assessment.id)).toBe(2);
    expect(first.exportId).toMatch(/^EXP-[0-9A-F]{10}$/);
    expect(second.exportId).not.toBe(first.exportId);
  });

  it('are not used up by an export that saved nothing, and are counted per assessment', async () => {
    const { db, assessment } = await dbWithAssessment();
    const cancelled = await startExport(db, assessment.id);
    expect((await startExport(db, assessment.id)).revision).toBe(cancelled.revision);
    await recordExportRevision(db, 'another-assessment', 5);
    expect((await startExport(db, assessment.id)).revision).toBe(1);
    expect(await lastExportRevision(db, 'another-assessment')).toBe(5);
  });

  it('are never lowered by an export that finishes after a later one', async () => {
    const { db, assessment } = await dbWithAssessment();
    await recordExportRevision(db, assessment.id, 3);
    await recordExportRevision(db, assessment.id, 2);
    expect(await lastExportRevision(db, assessment.id)).toBe(3);
  });

  it('start again from 1 when the stored count is damaged, and are kept out of the change log', async () => {
    const { db, assessment } = await dbWithAssessment();
    const before = await db.audit.count();
    await db.meta.put({ key: 'exportRevisions', value: '{"x":' });
    expect((await startExport(db, assessment.id)).revision).toBe(1);
    await db.meta.put({ key: 'exportRevisions', value: JSON.stringify({ [assessment.id]: -4 }) });
    expect((await startExport(db, assessment.id)).revision).toBe(1);
    await recordExportRevision(db, assessment.id, 1);
    expect(await db.audit.count()).toBe(before);
  });
});
