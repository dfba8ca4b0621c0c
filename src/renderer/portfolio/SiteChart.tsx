/** Mean achieved and mean target per site, as bars that take the width of their card, with the table beside. */
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import type { Portfolio } from '../../core/portfolio/aggregate';
import { ChartFrame } from '../dashboard/ChartFrame';

const fmt = (n: number | null) => (n === null ? 'not assessed' : n.toFixed(1));

export function SiteChart({ portfolio }: { portfolio: Portfolio }) {
  const data = portfolio.sites.map((s) => ({ site: s.siteName, achieved: s.overall.meanAchieved ?? 0, target: s.overall.meanTarget ?? 0 }));
  return (
    <ChartFrame
      title="Sites: achieved against target"
      summary="Mean achieved level of the assessed requirements at each site, beside their mean target."
      chart={
        <ResponsiveContainer width="100%" height={Math.max(200, 70 + data.length * 34)}>
          <BarChart data={data} layout="vertical" accessibilityLayer={false} margin={{ left: 8, right: 16 }}>
            <CartesianGrid strokeDasharray="3 3" horizontal={false} />
            <XAxis type="number" domain={[0, 4]} ticks={[0, 1, 2, 3, 4]} />
            <YAxis type="category" dataKey="site" width={140} fontSize={12} />
            <Legend verticalAlign="top" />
            <Bar name="Target" dataKey="target" fill="var(--muted)" fillOpacity={0.45} isAnimationActive={false} />
            <Bar name="Achieved" dataKey="achieved" fill="var(--accent)" isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      }
      table={
        <table className="data-table compact" aria-label="Sites: achieved against target">
          <thead>
            <tr>
              <th scope="col">Site</th>
              <th scope="col">Mean achieved</th>
              <th scope="col">Mean target</th>
              <th scope="col">Assessed</th>
            </tr>
          </thead>
          <tbody>
            {portfolio.sites.map((s) => (
              <tr key={s.key}>
                <th scope="row">{s.siteName}</th>
                <td>{fmt(s.overall.meanAchieved)}</td>
                <td>{fmt(s.overall.meanTarget)}</td>
                <td>
                  {s.overall.assessed} of {s.overall.applicable}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    />
  );
}
