/** Owner, status and due-date filters over the remediation plan, with how many actions they leave. */
import { DUE_FILTER_LABELS, NO_OWNER, type ActionFilter, type DueFilter } from '../../core/workspace/actionFilter';
import { StatusOptions } from '../actions/ActionFields';

export function ActionFilters({
  filter,
  onChange,
  owners,
  shown,
  total,
}: {
  filter: ActionFilter;
  onChange: (filter: ActionFilter) => void;
  owners: string[];
  shown: number;
  total: number;
}) {
  return (
    <div className="toolbar" role="group" aria-label="Filter actions">
      <select aria-label="Owner" value={filter.owner} onChange={(e) => onChange({ ...filter, owner: e.target.value })}>
        <option value="">All owners</option>
        <option value={NO_OWNER}>No owner</option>
        {owners.map((o) => (
          <option key={o} value={o}>
            {o}
          </option>
        ))}
      </select>
      <select
        aria-label="Status"
        value={filter.status}
        onChange={(e) => onChange({ ...filter, status: e.target.value as ActionFilter['status'] })}
      >
        <option value="all">All statuses</option>
        <StatusOptions />
      </select>
      <select aria-label="Due" value={filter.due} onChange={(e) => onChange({ ...filter, due: e.target.value as DueFilter })}>
        {Object.entries(DUE_FILTER_LABELS).map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </select>
      <span className="muted small" role="status" data-testid="action-count">
        {shown} of {total} actions
      </span>
    </div>
  );
}
