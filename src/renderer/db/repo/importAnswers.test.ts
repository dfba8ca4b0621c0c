/** The answers import lands whole or not at all, changes only the fields the sheet names, and respects the lifecycle. */
import { describe, expect, it } from 'vitest';
import type { Catalogue } from '../../../core/catalogue/types';
import type { MaturityLevel } from '../../../core/records/model';
import { previewAnswersImport } from '../../../core/sheets/importAnswers';
import { REVIEW_COPY_KEY, REVIEW_COPY_MESSAGE } from '../reviewCopyMark';
import { dbWithAssessment, tamperRecord } from '../testDb';
import { applyImportedAnswers, type ImportedAnswer } from './importAnswers';
import { saveResponse } from './responses';

const catalogue = {
  spes: [{ id: 'ORG', elements: [{ id: 'ORG 1', requirements: ['ORG 1.1', 'ORG 1.2', 'ORG 1.3'].map((id) => ({ id, title: id })) }] }],
} as unknown as Catalogue;

async function answered() {
  const { db, assessment } = await dbWithAssessment();
  const full = {
    justification: 'Kept as it was',
    targetLevel: 3 as MaturityLevel,
    achievedLevel: 1 as MaturityLevel,
    narrative: 'Our narrative',
    gaps: 'Our gaps',
  };
  for (const id of ['ORG 1.1', 'ORG 1.2']) await saveResponse(db, assessment.id, id, full);
  const responses = async () =>
    new Map((await db.responses.where('assessmentId').equals(assessment.id).toArray()).map((r) => [r.requirementId, r]));
  const preview = async (headers: string[], ...rows: string[][]) =>
    previewAnswersImport(
      { source: 'Answers', headers, rows: rows.map((cells, i) => ({ line: i + 2, cells })) },
      { catalogue, assessment, responses: await responses() },
    );
  const toApply = (p: Awaited<ReturnType<typeof preview>>): ImportedAnswer[] =>
    p.rows
      .filter((r) => r.status === 'new' || r.status === 'changed')
      .map(({ requirementId, patch, expected }) => ({ requirementId, patch, expected }));
  return { db, assessment, responses, preview, toApply };
}

describe('applyImportedAnswers', () => {
  it('writes only the achieved level from a sheet with only that column, every other field read back unchanged', async () => {
    const { db, assessment, responses, preview, toApply } = await answered();
    const before = (await responses()).get('ORG 1.1')!;
    const p = await preview(['Requirement ID', 'Achieved'], ['ORG 1.1', 'ML4']);
    expect(await applyImportedAnswers(db, assessment.id, toApply(p))).toBe(1);
    expect((await responses()).get('ORG 1.1')).toStrictEqual({ ...before, achievedLevel: 4, updatedAt: expect.any(String) as string });
  });

  it('logs each changed answer as its own change, with before and after', async () => {
    const { db, assessment, preview, toApply } = await answered();
    const logged = await db.audit.count();
    const p = await preview(
      ['Requirement ID', 'Achieved', 'Narrative'],
      ['ORG 1.1', 'ML2', 'Our narrative'],
      ['ORG 1.3', 'ML1', 'New one'],
    );
    await applyImportedAnswers(db, assessment.id, toApply(p));
    const entries = (await db.audit.orderBy('seq').toArray()).slice(logged);
    expect(entries.map((e) => [e.entity, e.id, e.change.op])).toEqual([
      ['response', `${assessment.id}|ORG 1.1`, 'update'],
      ['response', `${assessment.id}|ORG 1.3`, 'create'],
    ]);
    expect(entries[0]!.change).toMatchObject({ before: { achievedLevel: 1 }, after: { achievedLevel: 2 } });
  });

  it('writes nothing when one answer in the middle is refused', async () => {
    const { db, assessment, responses } = await answered();
    const before = await responses();
    const logged = await db.audit.count();
    const answers: ImportedAnswer[] = [
      { requirementId: 'ORG 1.1', patch: { narrative: 'first' }, expected: { narrative: 'Our narrative' } },
      // Injected: a level the record refuses, as a damaged preview might carry.
      { requirementId: 'ORG 1.2', patch: { achievedLevel: 7 as MaturityLevel }, expected: { achievedLevel: 1 } },
      { requirementId: 'ORG 1.3', patch: { narrative: 'third' }, expected: { narrative: '' } },
    ];
    await expect(applyImportedAnswers(db, assessment.id, answers)).rejects.toThrow(/was not saved/);
    expect(await responses()).toStrictEqual(before);
    expect(await db.audit.count()).toBe(logged);
  });

  it('refuses, writing nothing, when an answer changed after the preview', async () => {
    const { db, assessment, responses, preview, toApply } = await answered();
    const p = await preview(['Requirement ID', 'Narrative'], ['ORG 1.1', 'From the sheet'], ['ORG 1.2', 'Also']);
    await saveResponse(db, assessment.id, 'ORG 1.2', { narrative: 'Typed meanwhile' });
    const before = await responses();
    await expect(applyImportedAnswers(db, assessment.id, toApply(p))).rejects.toThrow(
      'The answer to ORG 1.2 changed after the file was previewed',
    );
    expect(await responses()).toStrictEqual(before);
  });

  it('is refused for a signed-off assessment and in a review copy, writing nothing', async () => {
    const { db, assessment, responses, preview, toApply } = await answered();
    const p = toApply(await preview(['Requirement ID', 'Achieved'], ['ORG 1.1', 'ML4']));
    const before = await responses();
    await tamperRecord(db, 'assessments', assessment.id, { status: 'signed-off' });
    await expect(applyImportedAnswers(db, assessment.id, p)).rejects.toThrow(/signed off/i);
    await tamperRecord(db, 'assessments', assessment.id, { status: 'draft' });
    await db.meta.put({ key: REVIEW_COPY_KEY, value: JSON.stringify({ assessmentId: assessment.id }) });
    await expect(applyImportedAnswers(db, assessment.id, p)).rejects.toThrow(REVIEW_COPY_MESSAGE);
    expect(await responses()).toStrictEqual(before);
  });
});
