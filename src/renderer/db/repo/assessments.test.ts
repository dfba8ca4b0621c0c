import { describe, expect, it } from 'vitest';
import { dbWithAssessment, fileOf } from '../testDb';
import { addAction } from './actions';
import {
  archiveAssessment,
  createAssessment,
  deleteAssessment,
  duplicateAssessment,
  listAssessments,
  renameAssessment,
} from './assessments';
import { addFiles } from './evidence';
import { storedResponse, saveResponse } from './responses';

describe('assessments', () => {
  it('are created as drafts and listed newest first, archived ones only on request', async () => {
    const { db, site, assessment } = await dbWithAssessment();
    expect(assessment).toMatchObject({ status: 'draft', archived: false, defaultTargetLevel: 2, scope: ['ORG', 'NET'] });
    const second = await createAssessment(db, { ...assessment, name: 'Second', siteId: site.id });
    await archiveAssessment(db, assessment.id);
    expect((await listAssessments(db)).map((a) => a.name)).toEqual(['Second']);
    expect((await listAssessments(db, { includeArchived: true })).map((a) => a.id).sort()).toEqual([assessment.id, second.id].sort());
  });

  it.each([
    [{ name: ' ' }, 'a name is required'],
    [{ periodStart: '2026-07-01', periodEnd: '2026-01-01' }, 'the period must end after it starts'],
    [{ defaultTargetLevel: 5 }, 'the default target must be ML1 to ML4'],
    [{ scope: [] }, 'choose at least one program element'],
    [{ periodEnd: '30.06.2026' }, 'dates must be written YYYY-MM-DD'],
  ])('refuses %j with "%s"', async (patch, message) => {
    const { db, assessment } = await dbWithAssessment();
    await expect(createAssessment(db, { ...assessment, ...patch })).rejects.toThrow(message);
  });

  it('are renamed', async () => {
    const { db, assessment } = await dbWithAssessment();
    await renameAssessment(db, assessment.id, 'Annual review 2026');
    expect((await db.assessments.get(assessment.id))?.name).toBe('Annual review 2026');
  });

  it('carry over answers and evidence links into a re-assessment, marked as carried over', async () => {
    const { db, assessment } = await dbWithAssessment();
    await saveResponse(db, assessment.id, 'NET 1.1', { achievedLevel: 2, narrative: 'Firewall between L3 and DMZ.' });
    await addFiles(db, [fileOf('rules.csv', 'r')], { link: { assessmentId: assessment.id, requirementId: 'NET 1.1' } });
    const next = await duplicateAssessment(db, assessment.id, { name: '2027', periodStart: '2027-01-01', periodEnd: '2027-06-30' });
    expect(next).toMatchObject({ carriedFrom: assessment.id, status: 'draft', name: '2027' });
    expect(await storedResponse(db, next.id, 'NET 1.1'))!.toMatchObject({
      achievedLevel: 2,
      narrative: 'Firewall between L3 and DMZ.',
      carriedOver: true,
    });
    expect(await db.links.where('assessmentId').equals(next.id).count()).toBe(1);
    await saveResponse(db, next.id, 'NET 1.1', { achievedLevel: 3 });
    expect((await storedResponse(db, next.id, 'NET 1.1'))!.carriedOver).toBe(false);
    expect((await storedResponse(db, assessment.id, 'NET 1.1'))!.achievedLevel).toBe(2);
  });

  it('are deleted with their responses, links and actions, leaving the evidence itself', async () => {
    const { db, assessment } = await dbWithAssessment();
    await saveResponse(db, assessment.id, 'NET 1.1', { achievedLevel: 1 });
    await addFiles(db, [fileOf('rules.csv', 'r')], { link: { assessmentId: assessment.id, requirementId: 'NET 1.1' } });
    await addAction(db, assessment.id, 'NET 1.1', { description: 'Close port 502 from IT' });
    expect(await deleteAssessment(db, assessment.id)).toEqual({ responses: 1, links: 1, actions: 1 });
    expect(await db.assessments.count()).toBe(0);
    expect(await db.evidence.count()).toBe(1);
  });
});
