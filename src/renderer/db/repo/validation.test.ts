import { describe, expect, it } from 'vitest';
import { newAction } from '../../../core/records/inputs';
import type { Action, Evidence } from '../../../core/records/model';
import { dbWithAssessment } from '../testDb';
import { addAction, deleteAction, restoreAction } from './actions';
import { setAssessmentStatus, updateAssessment } from './assessments';
import { addNote, deleteEvidence, restoreEvidence } from './evidence';
import { saveResponse } from './responses';
import { parseOrRefuse } from './validation';

describe('parseOrRefuse', () => {
  const refusal = (value: unknown) => {
    try {
      parseOrRefuse(newAction, value, { what: 'action' });
    } catch (e) {
      return e;
    }
    throw new Error('expected a refusal');
  };

  it('puts the schema message into one plain sentence', () => {
    expect(refusal({ description: '' })).toMatchObject({ kind: 'invalid', message: 'The action was not saved: describe the action.' });
    expect(refusal({ description: 'x', dueDate: '2026-02-30' })).toMatchObject({
      message: 'The action was not saved: the due date must be written YYYY-MM-DD.',
    });
  });

  it('words what the schema leaves unsaid', () => {
    expect(refusal({})).toMatchObject({ message: 'The action was not saved: "description" is missing.' });
    expect(refusal({ description: 7 })).toMatchObject({ message: 'The action was not saved: "description" must be text.' });
  });
});

describe('records are checked whole before they are written', () => {
  it('a sign-off on a day that does not exist is refused, and nothing changes', async () => {
    const { db, assessment } = await dbWithAssessment();
    const entries = await db.audit.count();
    const signOff = { by: 'Dana Whitfield', role: 'Approver', at: '2026-02-30', note: '' };
    await expect(setAssessmentStatus(db, assessment.id, 'signed-off', { signOff })).rejects.toThrow(
      'The assessment was not saved: the sign-off date must be written YYYY-MM-DD.',
    );
    expect(await db.assessments.get(assessment.id)).toStrictEqual(assessment);
    expect(await db.audit.count()).toBe(entries);
  });

  it("an assessment's status changes only through its lifecycle", async () => {
    const { db, assessment } = await dbWithAssessment();
    await expect(updateAssessment(db, assessment.id, { status: 'signed-off' } as never)).rejects.toThrow(
      'The assessment was not saved: "status" cannot be changed this way.',
    );
    expect(await db.assessments.get(assessment.id)).toStrictEqual(assessment);
  });

  it('an answer too long for its record is refused', async () => {
    const { db, assessment } = await dbWithAssessment();
    await expect(saveResponse(db, assessment.id, 'ORG 1.1', { gaps: 'x'.repeat(50_001) })).rejects.toThrow(
      /^The answer was not saved: the gaps text is too long/,
    );
    expect(await db.responses.count()).toBe(0);
  });

  it('Undo puts back only a well-formed record', async () => {
    const { db, assessment } = await dbWithAssessment();
    const action = await addAction(db, assessment.id, 'ORG 1.1', { description: 'Write the policy.' });
    await deleteAction(db, action.id);
    const broken = { ...action, priority: 'urgent' } as unknown as Action;
    await expect(restoreAction(db, broken)).rejects.toMatchObject({ kind: 'invalid' });
    expect(await db.actions.count()).toBe(0);
    await restoreAction(db, action);
    expect(await db.actions.get(action.id)).toStrictEqual(action);

    const note = await addNote(
      db,
      { title: 'Walk-down', note: 'Seen at the desk.' },
      { assessmentId: assessment.id, requirementId: 'ORG 1.1' },
    );
    const deleted = (await deleteEvidence(db, note.id, { unlinkEverywhere: true }))!;
    const hostile = JSON.parse(`{"__proto__": {"polluted": true}, ${JSON.stringify(deleted.record).slice(1)}`) as Evidence;
    await expect(restoreEvidence(db, { ...deleted, record: hostile })).rejects.toThrow('there is no evidence field "__proto__"');
    expect(await db.evidence.count()).toBe(0);
    await restoreEvidence(db, deleted);
    expect(await db.evidence.get(note.id)).toStrictEqual(note);
  });
});
