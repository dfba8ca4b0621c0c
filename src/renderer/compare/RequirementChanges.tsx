/** The requirements, filtered by class of change; each links to its page in the assessment that has it. */
import { useState } from 'react';
import { CHANGE_LABELS, CHANGES, type Change, type Comparison, type RequirementComparison } from '../../core/compare/compareSnapshots';
import { levelText } from '../../core/compare/wording';

type Filter = 'moved' | Change;

const MOVED: readonly Change[] = ['improved', 'regressed', 'newly-assessed', 'no-longer-assessed'];

/** The current assessment's page, or the baseline's for a requirement the current one no longer covers. */
function hrefOf(c: Comparison, r: RequirementComparison): string {
  const id = r.standingAfter === 'out-of-scope' ? c.baseline.id : c.current.id;
  return `#assessment/${id}/${encodeURIComponent(r.requirementId)}`;
}

export function RequirementChanges({ comparison }: { comparison: Comparison }) {
  const [filter, setFilter] = useState<Filter>('moved');
  const { counts } = comparison;
  const moved = MOVED.reduce((n, c) => n + counts[c], 0);
  const shown = comparison.requirements.filter((r) => (filter === 'moved' ? MOVED.includes(r.change) : r.change === filter));
  const options: [Filter, string, number][] = [
    ['moved', 'All changes', moved],
    ...CHANGES.map((c): [Filter, string, number] => [c, CHANGE_LABELS[c], counts[c]]),
  ];
  return (
    <>
      <fieldset className="compare-filter">
        <legend>Show</legend>
        {options.map(([value, label, count]) => (
          <label key={value}>
            <input type="radio" name="compare-filter" value={value} checked={filter === value} onChange={() => setFilter(value)} />
            {label} ({count})
          </label>
        ))}
      </fieldset>
      {shown.length === 0 ? (
        <p className="muted">No requirement in this group.</p>
      ) : (
        <table className="data-table compare-table" aria-label="Requirements compared">
          <thead>
            <tr>
              <th scope="col">Requirement</th>
              <th scope="col">Before</th>
              <th scope="col">After</th>
              <th scope="col">Target</th>
              <th scope="col">Change</th>
              <th scope="col">Notes</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((r) => (
              <tr key={r.requirementId} data-requirement={r.requirementId} data-change={r.change}>
                <th scope="row">
                  <a href={hrefOf(comparison, r)}>
                    {r.requirementId} <span className="compare-title">{r.title}</span>
                  </a>
                </th>
                <td>{levelText(r.before, r.standingBefore)}</td>
                <td>{levelText(r.after, r.standingAfter)}</td>
                <td>{r.targetAfter === null ? '—' : `ML${r.targetAfter}`}</td>
                <td className={`compare-change-${r.change}`}>{CHANGE_LABELS[r.change]}</td>
                <td className="small">{r.reasons.join('; ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
