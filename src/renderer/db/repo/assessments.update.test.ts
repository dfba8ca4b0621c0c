/** An update changes only what it names: each editable field of an assessment in turn, the rest read back unchanged. */
import { describe, expect, it } from 'vitest';
import type { Assessment } from '../../../core/records/model';
import { dbWithAssessment } from '../testDb';
import { archiveAssessment, renameAssessment, setAssessmentStatus, updateAssessment } from './assessments';

type Patch = Parameters<typeof updateAssessment>[2];

// Every editable field changed from what dbWithAssessment created (ORG+NET, ML2, first half of 2026).
const changed = {
  name: '2026 self-assessment (revised)',
  periodStart: '2026-02-01',
  periodEnd: '2026-05-31',
  scope: ['ORG'],
  defaultTargetLevel: 3,
  archived: false,
} satisfies Patch;

// Moves the fields creation leaves at their defaults (status draft, not archived) away from them.
async function saved() {
  const { db, assessment } = await dbWithAssessment();
  await setAssessmentStatus(db, assessment.id, 'in-review');
  await archiveAssessment(db, assessment.id);
  const before = (await db.assessments.get(assessment.id))!;
  expect(before).toMatchObject({ status: 'in-review', archived: true });
  return { db, before, read: () => db.assessments.get(assessment.id) };
}

const changedOnly = (before: Assessment, patch: Partial<Assessment>) => ({ ...before, ...patch, updatedAt: expect.any(String) });

describe('updateAssessment', () => {
  for (const field of Object.keys(changed) as (keyof typeof changed)[]) {
    it(`changes ${field} and nothing else`, async () => {
      const { db, before, read } = await saved();
      await updateAssessment(db, before.id, { [field]: changed[field] });
      expect(await read()).toStrictEqual(changedOnly(before, { [field]: changed[field] }));
    });
  }

  it('renameAssessment changes the name only', async () => {
    const { db, before, read } = await saved();
    await renameAssessment(db, before.id, 'Renamed');
    expect(await read()).toStrictEqual(changedOnly(before, { name: 'Renamed' }));
  });

  it('archiveAssessment changes archived only', async () => {
    const { db, before, read } = await saved();
    await archiveAssessment(db, before.id, false);
    expect(await read()).toStrictEqual(changedOnly(before, { archived: false }));
  });

  it('treats a key set to undefined as not named', async () => {
    const { db, before, read } = await saved();
    await updateAssessment(db, before.id, { scope: ['NET'], name: undefined, periodStart: undefined, archived: undefined });
    expect(await read()).toStrictEqual(changedOnly(before, { scope: ['NET'] }));
  });

  it('setAssessmentStatus changes the status only', async () => {
    const { db, before, read } = await saved();
    await setAssessmentStatus(db, before.id, 'draft');
    expect(await read()).toStrictEqual(changedOnly(before, { status: 'draft' }));
  });

  it('refuses an unknown key and writes nothing', async () => {
    const { db, before, read } = await saved();
    const entries = await db.audit.count();
    await expect(updateAssessment(db, before.id, { name: 'x', colour: 'red' } as never)).rejects.toMatchObject({
      name: 'WorkbookError',
      kind: 'invalid',
    });
    expect(await read()).toStrictEqual(before);
    expect(await db.audit.count()).toBe(entries);
  });
});
