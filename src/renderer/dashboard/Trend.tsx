/** The site's assessments over time: mean achieved level and progress. */
import { CartesianGrid, Legend, Line, LineChart, XAxis, YAxis } from 'recharts';
import type { Scores } from '../../core/scoring/score';
import type { Assessment } from '../../core/records/model';
import { ChartFrame } from './ChartFrame';

export function Trend({ trend }: { trend: { assessment: Assessment; scores: Scores }[] }) {
  const data = trend.map(({ assessment, scores }) => ({
    name: assessment.name,
    mean: scores.overall.meanAchieved ?? 0,
    target: scores.overall.meanTarget ?? 0,
  }));
  return (
    <ChartFrame
      title="Trend across this site’s assessments"
      summary="Mean achieved level and mean target of each assessment of the site, oldest first."
      chart={(width) => (
        <LineChart data={data} accessibilityLayer={false} width={width} height={240}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="name" fontSize={12} />
          <YAxis domain={[0, 4]} ticks={[0, 1, 2, 3, 4]} width={28} />
          <Legend verticalAlign="top" />
          <Line name="Mean target" dataKey="target" stroke="var(--muted)" isAnimationActive={false} />
          <Line name="Mean achieved" dataKey="mean" stroke="var(--accent)" strokeWidth={2} isAnimationActive={false} />
        </LineChart>
      )}
      table={
        <table className="data-table compact" aria-label="Trend across this site’s assessments">
          <thead>
            <tr>
              <th scope="col">Assessment</th>
              <th scope="col">Period</th>
              <th scope="col">Mean achieved</th>
              <th scope="col">Progress</th>
            </tr>
          </thead>
          <tbody>
            {trend.map(({ assessment, scores }) => (
              <tr key={assessment.id}>
                <th scope="row">{assessment.name}</th>
                <td>
                  {assessment.periodStart} – {assessment.periodEnd}
                </td>
                <td>{scores.overall.meanAchieved?.toFixed(1) ?? '—'}</td>
                <td>{Math.round(scores.overall.progress * 100)} %</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    />
  );
}
