import { describe, expect, it } from 'vitest';
import { dbWithAssessment, fileOf } from '../testDb';
import { addFiles } from './evidence';

describe('an empty file as evidence', () => {
  it('is refused with a plain message, and nothing of the batch is written', async () => {
    const { db } = await dbWithAssessment();
    const logBefore = await db.audit.count();
    await expect(addFiles(db, [fileOf('policy.pdf', 'signed policy'), fileOf('blank.pdf', '')])).rejects.toThrow(
      '"blank.pdf" is empty (0 bytes), so it cannot serve as evidence. Check that the file was saved completely, then add it again. Nothing was added.',
    );
    expect(await db.evidence.count()).toBe(0);
    expect(await db.blobs.count()).toBe(0);
    expect(await db.audit.count()).toBe(logBefore);
  });

  it('is refused when attached from a requirement, so no link is made either', async () => {
    const { db, assessment } = await dbWithAssessment();
    const link = { assessmentId: assessment.id, requirementId: 'ORG 1.1' };
    await expect(addFiles(db, [fileOf('empty.txt', new Uint8Array(0))], { link, duplicates: 'add-anyway' })).rejects.toThrow(
      'is empty (0 bytes)',
    );
    expect(await db.links.count()).toBe(0);
  });

  it('does not stop a one-byte file', async () => {
    const { db } = await dbWithAssessment();
    const outcome = await addFiles(db, [fileOf('tiny.txt', 'x')]);
    expect(outcome.status === 'added' && outcome.evidence[0]!.size).toBe(1);
  });
});
