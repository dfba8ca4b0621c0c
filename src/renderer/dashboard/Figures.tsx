/** The headline figures of an assessment. */
import type { Rollup } from '../../core/scoring/score';

const percent = (share: number) => `${Math.round(share * 100)} %`;

export function Figures({ overall }: { overall: Rollup }) {
  const figures: [string, string, string][] = [
    ['Progress', percent(overall.progress), `${overall.assessed} of ${overall.applicable} applicable requirements assessed`],
    ['Attained level', overall.attained === null ? '—' : `ML${overall.attained}`, 'lowest achieved level among assessed requirements'],
    [
      'Mean level',
      overall.meanAchieved === null ? '—' : overall.meanAchieved.toFixed(1),
      overall.meanTarget === null ? 'no target yet' : `against a mean target of ${overall.meanTarget.toFixed(1)}`,
    ],
    ['At target', percent(overall.shareAtTarget), `${overall.atTarget} requirements meet their target; total gap ${overall.totalGap}`],
    ['Evidence coverage', percent(overall.evidenceCoverage), 'applicable requirements with evidence that has not expired'],
    ['Actions', `${overall.openActions}`, `open, ${overall.overdueActions} overdue`],
  ];
  return (
    <dl className="figures" aria-label="Overall figures">
      {figures.map(([label, value, note]) => (
        <div key={label} className="figure" data-figure={label}>
          <dt>{label}</dt>
          <dd className="figure-value">{value}</dd>
          <dd className="muted small">{note}</dd>
        </div>
      ))}
    </dl>
  );
}
