import { describe, expect, it } from 'vitest';
import { checkIntegrity, verifyAudit } from './integrity';
import { addFiles } from './repo/evidence';
import { saveResponse } from './repo/responses';
import { dbWithAssessment, fileOf } from './testDb';

describe('integrity check', () => {
  it('passes on an untouched workbook and counts what it checked', async () => {
    const { db } = await dbWithAssessment();
    await addFiles(db, [fileOf('a.txt', 'alpha'), fileOf('b.txt', 'bravo')]);
    const report = await checkIntegrity(db);
    expect(report).toMatchObject({ chain: { ok: true }, filesChecked: 2, bytesChecked: 10, blobProblems: [] });
  });

  it('names the change-log entry that was tampered with', async () => {
    const { db, assessment } = await dbWithAssessment();
    for (const level of [1, 2, 3] as const) await saveResponse(db, assessment.id, 'ORG 1.1', { achievedLevel: level });
    const target = (await db.audit.orderBy('seq').toArray()).at(-2)!;
    await db.audit.put({ ...target, change: { ...target.change, after: { achievedLevel: 4 } } });
    expect(await verifyAudit(db)).toMatchObject({ ok: false, seq: target.seq, reason: 'its content was changed after it was written' });
  });

  it('names the evidence whose stored bytes no longer match their hash, or are gone', async () => {
    const { db } = await dbWithAssessment();
    await addFiles(db, [fileOf('a.txt', 'alpha'), fileOf('b.txt', 'bravo')]);
    const [a, b] = await db.evidence.orderBy('number').toArray();
    await db.blobs.put({ sha256: a!.sha256!, blob: new Blob(['alphA']), size: 5 });
    await db.blobs.delete(b!.sha256!);
    const report = await checkIntegrity(db);
    expect(report.blobProblems).toEqual([
      { sha256: a!.sha256, evidenceIds: ['EV-0001'], problem: 'changed' },
      { sha256: b!.sha256, evidenceIds: ['EV-0002'], problem: 'missing' },
    ]);
  });
});
