/**
 * Every remediation action of an assessment, sortable and filterable, overdue ones highlighted, each
 * leading to its requirement. Status is changed in the row; Edit opens the other details under it. The
 * write path refuses changes to a signed-off assessment or a review copy, and its message is shown here.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { Fragment, useMemo, useState } from 'react';
import { actionRef, withActionNumbers } from '../../core/findings/actionRef';
import { byDueDate, isOverdueAction } from '../../core/rules/rules';
import type { Action } from '../../core/records/model';
import { actionOwners, ALL_ACTIONS, filterActions, type ActionFilter } from '../../core/workspace/actionFilter';
import { AssessmentPicker, useChosenAssessment } from '../components/AssessmentPicker';
import { listActions, updateAction, type ActionPatch } from '../db/repo/actions';
import { useSaveFeedback } from '../hooks/useSaveFeedback';
import { useToday } from '../hooks/useToday';
import { useWorkbook } from '../workbook/WorkbookContext';
import { ActionEditRow } from './ActionEditRow';
import { StatusOptions } from '../actions/ActionFields';
import { ActionFilters } from './ActionFilters';

const COLUMNS = 8;

type SortKey = 'number' | 'dueDate' | 'priority' | 'owner' | 'status' | 'requirementId';
const PRIORITY_RANK = { critical: 0, high: 1, medium: 2, low: 3 } as const;
const STATUS_RANK = { open: 0, 'in-progress': 1, done: 2, cancelled: 3 } as const;

function compare(a: Action, b: Action, key: SortKey): number {
  switch (key) {
    case 'priority':
      return PRIORITY_RANK[a.priority] - PRIORITY_RANK[b.priority];
    case 'status':
      return STATUS_RANK[a.status] - STATUS_RANK[b.status];
    case 'dueDate':
      return byDueDate(a, b);
    case 'number':
      return (a.number ?? 0) - (b.number ?? 0);
    default:
      return a[key].localeCompare(b[key], undefined, { numeric: true });
  }
}

export function RemediationScreen({ navigate }: { navigate: (route: string) => void }) {
  const db = useWorkbook();
  const { assessments, assessmentId, choose } = useChosenAssessment();
  const [sort, setSort] = useState<SortKey>('dueDate');
  const actions = useLiveQuery(() => (assessmentId ? listActions(db, assessmentId) : []), [db, assessmentId]);
  const today = useToday();
  const [filter, setFilter] = useState<ActionFilter>(ALL_ACTIONS);
  const [editing, setEditing] = useState<string | null>(null);
  const { error, run } = useSaveFeedback('The action was not saved.');
  const save = (id: string, patch: ActionPatch) => run(() => updateAction(db, id, patch));
  const owners = useMemo(() => actionOwners(actions ?? []), [actions]);
  // Actions from before numbering are shown by the same display rule the documents use.
  const sorted = useMemo(
    () => filterActions(withActionNumbers(actions ?? []), filter, today).sort((a, b) => compare(a, b, sort) || compare(a, b, 'dueDate')),
    [actions, sort, filter, today],
  );
  const total = actions?.length ?? 0;

  const header = (key: SortKey, label: string) => (
    <th scope="col" aria-sort={sort === key ? 'ascending' : undefined}>
      <button type="button" className="link-button" onClick={() => setSort(key)}>
        {label}
      </button>
    </th>
  );

  return (
    <section className="screen" aria-labelledby="screen-title">
      <header className="screen-header">
        <h1 id="screen-title">Remediation plan</h1>
        <AssessmentPicker assessments={assessments} value={assessmentId} onChange={choose} />
      </header>
      {total > 0 && <ActionFilters filter={filter} onChange={setFilter} owners={owners} shown={sorted.length} total={total} />}
      {error && (
        <p role="alert" className="error-text">
          {error}
        </p>
      )}
      {total === 0 ? (
        <p className="muted">No remediation actions yet. Add them on a requirement’s page.</p>
      ) : sorted.length === 0 ? (
        <p className="muted">No action matches the filters.</p>
      ) : (
        <table className="data-table" aria-label="Remediation actions">
          <thead>
            <tr>
              {header('number', 'ID')}
              {header('requirementId', 'Requirement')}
              <th scope="col">Action</th>
              {header('owner', 'Owner')}
              {header('dueDate', 'Due')}
              {header('priority', 'Priority')}
              {header('status', 'Status')}
              <th scope="col">
                <span className="visually-hidden">Edit</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {sorted.map((a) => {
              const overdue = isOverdueAction(a, today);
              const ref = actionRef(a);
              return (
                <Fragment key={a.id}>
                  <tr className={overdue ? 'overdue' : undefined} data-action-ref={ref}>
                    <td style={{ whiteSpace: 'nowrap' }} data-testid="action-id">
                      {actionRef(a)}
                    </td>
                    <td>
                      <a
                        href={`#/assessment/${a.assessmentId}/${encodeURIComponent(a.requirementId)}`}
                        onClick={(e) => {
                          e.preventDefault();
                          navigate(`assessment/${a.assessmentId}/${encodeURIComponent(a.requirementId)}`);
                        }}
                      >
                        {a.requirementId}
                      </a>
                    </td>
                    <td style={{ overflowWrap: 'anywhere' }}>{a.description}</td>
                    <td>{a.owner || '—'}</td>
                    <td>
                      {a.dueDate ?? '—'} {overdue && <span className="badge bad">overdue</span>}
                    </td>
                    <td>{a.priority}</td>
                    <td>
                      <select
                        aria-label={`Status of ${ref}`}
                        value={a.status}
                        onChange={(e) => void save(a.id, { status: e.target.value as Action['status'] })}
                      >
                        <StatusOptions />
                      </select>
                    </td>
                    <td>
                      <button
                        type="button"
                        aria-expanded={editing === a.id}
                        aria-label={`Edit ${ref}`}
                        onClick={() => setEditing(editing === a.id ? null : a.id)}
                      >
                        Edit
                      </button>
                    </td>
                  </tr>
                  {editing === a.id && (
                    <ActionEditRow action={a} columns={COLUMNS} onSave={(patch) => save(a.id, patch)} onClose={() => setEditing(null)} />
                  )}
                </Fragment>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
