/** Achieved against target for each security program element, as a radar with its table. */
import { PolarAngleAxis, PolarGrid, PolarRadiusAxis, Radar, RadarChart, Legend } from 'recharts';
import type { Scores } from '../../core/scoring/score';
import type { CatalogueIndex } from '../../core/catalogue/lookup';
import { ChartFrame } from './ChartFrame';

const fmt = (n: number | null) => (n === null ? 'not assessed' : n.toFixed(1));

export function SpeRadar({
  index,
  scores,
  scope,
  hrefForSpe,
}: {
  index: CatalogueIndex;
  scores: Scores;
  scope: string[];
  hrefForSpe: (speId: string) => string;
}) {
  const spes = index.catalogue.spes.filter((s) => scope.includes(s.id));
  const data = spes.map((s) => ({
    spe: s.id,
    achieved: scores.spes.get(s.id)?.meanAchieved ?? 0,
    target: scores.spes.get(s.id)?.meanTarget ?? 0,
  }));
  return (
    <ChartFrame
      title="Program elements: achieved against target"
      summary="Mean achieved level of the assessed requirements in each program element, beside their mean target. Click an element to open it."
      chart={(width) => (
        <RadarChart data={data} outerRadius="72%" accessibilityLayer={false} width={width} height={320}>
          <PolarGrid />
          <PolarAngleAxis
            dataKey="spe"
            tick={(props) => {
              const { payload, x, y, textAnchor } = props as unknown as {
                payload: { value: string };
                x: number;
                y: number;
                textAnchor: 'start' | 'middle' | 'end';
              };
              return (
                <text
                  x={x}
                  y={y}
                  textAnchor={textAnchor}
                  className="chart-link"
                  onClick={() => (window.location.hash = hrefForSpe(payload.value).slice(1))}
                >
                  {payload.value}
                </text>
              );
            }}
          />
          <PolarRadiusAxis domain={[0, 4]} tickCount={5} angle={90} />
          <Radar name="Target" dataKey="target" stroke="var(--muted)" fill="var(--muted)" fillOpacity={0.12} isAnimationActive={false} />
          <Radar
            name="Achieved"
            dataKey="achieved"
            stroke="var(--accent)"
            fill="var(--accent)"
            fillOpacity={0.35}
            isAnimationActive={false}
          />
          <Legend />
        </RadarChart>
      )}
      table={
        <table className="data-table compact" aria-label="Program elements: achieved against target">
          <thead>
            <tr>
              <th scope="col">Program element</th>
              <th scope="col">Mean achieved</th>
              <th scope="col">Mean target</th>
              <th scope="col">Attained</th>
              <th scope="col">Assessed</th>
            </tr>
          </thead>
          <tbody>
            {spes.map((s) => {
              const r = scores.spes.get(s.id);
              return (
                <tr key={s.id}>
                  <th scope="row">
                    <a href={hrefForSpe(s.id)}>
                      {s.id} {s.title}
                    </a>
                  </th>
                  <td>{fmt(r?.meanAchieved ?? null)}</td>
                  <td>{fmt(r?.meanTarget ?? null)}</td>
                  <td>{r?.attained === null || r?.attained === undefined ? '—' : `ML${r.attained}`}</td>
                  <td>
                    {r?.assessed ?? 0} of {r?.applicable ?? 0}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      }
    />
  );
}
