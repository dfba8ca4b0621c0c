/** Every remediation action of an assessment, sortable, overdue ones highlighted, each leading to its requirement. */
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useState } from 'react';
import { actionRef, withActionNumbers } from '../../core/findings/actionRef';
import { byDueDate, isOverdueAction } from '../../core/rules/rules';
import type { Action } from '../../core/records/model';
import { AssessmentPicker, useChosenAssessment } from '../components/AssessmentPicker';
import { listActions } from '../db/repo/actions';
import { useToday } from '../hooks/useToday';
import { useWorkbook } from '../workbook/WorkbookContext';

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
  // Actions from before numbering are shown by the same display rule the documents use.
  const sorted = useMemo(
    () => withActionNumbers(actions ?? []).sort((a, b) => compare(a, b, sort) || compare(a, b, 'dueDate')),
    [actions, sort],
  );

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
      {sorted.length === 0 ? (
        <p className="muted">No remediation actions yet. Add them on a requirement’s page.</p>
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
            </tr>
          </thead>
          <tbody>
            {sorted.map((a) => {
              const overdue = isOverdueAction(a, today);
              return (
                <tr key={a.id} className={overdue ? 'overdue' : undefined}>
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
                  <td>{a.description}</td>
                  <td>{a.owner || '—'}</td>
                  <td>
                    {a.dueDate ?? '—'} {overdue && <span className="badge bad">overdue</span>}
                  </td>
                  <td>{a.priority}</td>
                  <td>{a.status.replace('-', ' ')}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
