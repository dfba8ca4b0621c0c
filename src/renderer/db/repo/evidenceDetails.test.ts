/** Details given while attaching: every file of the attachment gets them, or none does. */
import { describe, expect, it } from 'vitest';
import { dbWithAssessment, fileOf } from '../testDb';
import { addFiles } from './evidence';
import { updateEvidenceDetails } from './evidenceDetails';

async function twoFiles() {
  const { db } = await dbWithAssessment();
  const outcome = await addFiles(db, [fileOf('rules.csv', 'a,b\n'), fileOf('map.txt', 'zones\n')]);
  if (outcome.status !== 'added') throw new Error('expected the files to be added');
  return { db, added: outcome.evidence };
}

describe('updateEvidenceDetails', () => {
  it('gives every attached file the owner and dates, and leaves their other fields as they were', async () => {
    const { db, added } = await twoFiles();
    await updateEvidenceDetails(
      db,
      added.map((e) => e.id),
      { owner: 'Dana', collectedOn: '2026-05-01', expiresOn: '2027-05-01' },
    );
    for (const before of added) {
      expect(await db.evidence.get(before.id)).toStrictEqual({
        ...before,
        owner: 'Dana',
        collectedOn: '2026-05-01',
        expiresOn: '2027-05-01',
        updatedAt: expect.any(String),
      });
    }
  });

  it('writes nothing when one of the records is gone', async () => {
    const { db, added } = await twoFiles();
    const entries = await db.audit.count();
    await expect(updateEvidenceDetails(db, [added[0]!.id, 'EV-9999'], { owner: 'Dana' })).rejects.toThrow('EV-9999 no longer exists.');
    expect((await db.evidence.get(added[0]!.id))?.owner).toBe(added[0]!.owner);
    expect(await db.audit.count()).toBe(entries);
  });

  it('refuses a date that is not a date, in plain words, and writes nothing', async () => {
    const { db, added } = await twoFiles();
    await expect(updateEvidenceDetails(db, [added[0]!.id], { expiresOn: 'next year' })).rejects.toThrow();
    expect((await db.evidence.get(added[0]!.id))?.expiresOn).toBeUndefined();
  });
});
