/** An update changes only what it names: each detail of an evidence record in turn, the rest read back unchanged. */
import { describe, expect, it } from 'vitest';
import { dbWithAssessment } from '../testDb';
import { addLink, updateEvidence } from './evidence';

// Every detail away from its default (owner and classification default to ''), dates set.
const full = {
  title: 'Firewall change procedure',
  location: 'DMS-0042',
  collectedOn: '2026-01-15',
  expiresOn: '2027-01-15',
  owner: 'Dana',
  classification: 'TLP:RED',
};
const changed = {
  title: 'Firewall change procedure v2',
  collectedOn: '2026-02-01',
  expiresOn: '2027-02-01',
  owner: 'Sam',
  classification: 'TLP:GREEN',
};

async function created() {
  const { db, assessment } = await dbWithAssessment();
  const evidence = await addLink(db, full, { assessmentId: assessment.id, requirementId: 'NET 1.1' });
  return { db, evidence };
}

describe('updateEvidence', () => {
  for (const field of Object.keys(changed) as (keyof typeof changed)[]) {
    it(`changes ${field} and nothing else`, async () => {
      const { db, evidence } = await created();
      await updateEvidence(db, evidence.id, { [field]: changed[field] });
      expect(await db.evidence.get(evidence.id)).toStrictEqual({ ...evidence, [field]: changed[field], updatedAt: expect.any(String) });
    });
  }

  it('treats a key set to undefined as not named', async () => {
    const { db, evidence } = await created();
    await updateEvidence(db, evidence.id, { title: 'Renamed', owner: undefined, classification: undefined, collectedOn: undefined });
    expect(await db.evidence.get(evidence.id)).toStrictEqual({ ...evidence, title: 'Renamed', updatedAt: expect.any(String) });
  });

  it('refuses an unknown key, or one that is not a detail, and writes nothing', async () => {
    const { db, evidence } = await created();
    const entries = await db.audit.count();
    await expect(updateEvidence(db, evidence.id, { title: 'x', reviewer: 'Sam' } as never)).rejects.toMatchObject({
      name: 'WorkbookError',
      kind: 'invalid',
      message: 'The evidence was not saved: there is no evidence field "reviewer".',
    });
    await expect(updateEvidence(db, evidence.id, { sha256: 'f'.repeat(64) } as never)).rejects.toThrow(
      'there is no evidence field "sha256"',
    );
    expect(await db.evidence.get(evidence.id)).toStrictEqual(evidence);
    expect(await db.audit.count()).toBe(entries);
  });
});
