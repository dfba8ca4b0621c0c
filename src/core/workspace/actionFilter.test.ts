import { describe, expect, it } from 'vitest';
import { actionOwners, ALL_ACTIONS, filterActions, NO_OWNER } from './actionFilter';

const today = '2026-06-15';
type Row = { id: string; owner: string; status: 'open' | 'in-progress' | 'done' | 'cancelled'; dueDate?: string };
const actions: Row[] = [
  { id: 'late', owner: 'Ana', status: 'open', dueDate: '2026-06-01' },
  { id: 'soon', owner: 'Ana', status: 'in-progress', dueDate: '2026-07-15' },
  { id: 'later', owner: 'Ben', status: 'open', dueDate: '2026-07-16' },
  { id: 'today', owner: 'Ben ', status: 'open', dueDate: '2026-06-15' },
  { id: 'doneLate', owner: 'Ben', status: 'done', dueDate: '2026-01-01' },
  { id: 'undated', owner: '', status: 'open' },
];
const ids = (rows: Row[]) => rows.map((r) => r.id);

describe('filtering the remediation plan', () => {
  it('keeps everything with no filter chosen', () => {
    expect(filterActions(actions, ALL_ACTIONS, today)).toHaveLength(actions.length);
  });

  it('filters by owner, ignoring stray spaces, and by no owner', () => {
    expect(ids(filterActions(actions, { ...ALL_ACTIONS, owner: 'Ben' }, today))).toEqual(['later', 'today', 'doneLate']);
    expect(ids(filterActions(actions, { ...ALL_ACTIONS, owner: NO_OWNER }, today))).toEqual(['undated']);
  });

  it('counts only unfinished actions past their date as overdue', () => {
    expect(ids(filterActions(actions, { ...ALL_ACTIONS, due: 'overdue' }, today))).toEqual(['late']);
  });

  it('treats due in 30 days as today up to and including the thirtieth day', () => {
    expect(ids(filterActions(actions, { ...ALL_ACTIONS, due: 'due-30' }, today))).toEqual(['soon', 'today']);
  });

  it('finds actions without a due date', () => {
    expect(ids(filterActions(actions, { ...ALL_ACTIONS, due: 'no-due' }, today))).toEqual(['undated']);
  });

  it('combines owner, status and due', () => {
    expect(ids(filterActions(actions, { owner: 'Ben', status: 'open', due: 'all' }, today))).toEqual(['later', 'today']);
    expect(ids(filterActions(actions, { owner: 'Ben', status: 'open', due: 'overdue' }, today))).toEqual([]);
    expect(ids(filterActions(actions, { owner: 'Ana', status: 'in-progress', due: 'due-30' }, today))).toEqual(['soon']);
  });

  it('offers each owner once, sorted, without blanks', () => {
    expect(actionOwners(actions)).toEqual(['Ana', 'Ben']);
  });
});
