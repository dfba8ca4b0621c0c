import { describe, expect, it } from 'vitest';
import { dbWithAssessment } from '../testDb';
import { addAction, deleteAction, listActions, overdueActions, updateAction } from './actions';

describe('remediation actions', () => {
  it('are added with sensible defaults and edited', async () => {
    const { db, assessment } = await dbWithAssessment();
    const action = await addAction(db, assessment.id, 'NET 3.2', {
      description: 'Put vendor access behind the jump host',
      owner: 'Dana',
      dueDate: '2026-09-30',
    });
    expect(action).toMatchObject({ priority: 'medium', status: 'open', requirementId: 'NET 3.2' });
    await updateAction(db, action.id, { status: 'in-progress', priority: 'high' });
    expect(await listActions(db, assessment.id)).toMatchObject([{ status: 'in-progress', priority: 'high' }]);
    await expect(updateAction(db, action.id, { dueDate: 'soon' })).rejects.toThrow('the due date must be written YYYY-MM-DD');
    await expect(addAction(db, assessment.id, 'NET 3.2', { description: '' })).rejects.toThrow('describe the action');
  });

  it('are overdue when open or in progress past their due date', async () => {
    const { db, assessment } = await dbWithAssessment();
    const add = (description: string, dueDate: string | undefined, status: 'open' | 'in-progress' | 'done') =>
      addAction(db, assessment.id, 'ORG 1.1', { description, ...(dueDate ? { dueDate } : {}), status });
    await add('late open', '2026-03-01', 'open');
    await add('late in progress', '2026-02-01', 'in-progress');
    await add('late but done', '2026-01-01', 'done');
    await add('due today', '2026-04-01', 'open');
    await add('no date', undefined, 'open');
    expect((await overdueActions(db, '2026-04-01')).map((a) => a.description)).toEqual(['late in progress', 'late open']);
  });

  it('are deleted, returning what was deleted so it can be undone', async () => {
    const { db, assessment } = await dbWithAssessment();
    const action = await addAction(db, assessment.id, 'ORG 1.1', { description: 'x' });
    expect(await deleteAction(db, action.id)).toEqual(action);
    expect(await listActions(db, assessment.id)).toEqual([]);
  });
});
