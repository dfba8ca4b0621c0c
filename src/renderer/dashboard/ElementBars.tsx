/** Mean achieved and target per element, as bars with their table. */
import { Bar, BarChart, CartesianGrid, Legend, XAxis, YAxis } from 'recharts';
import type { CatalogueIndex } from '../../core/catalogue/lookup';
import type { Scores } from '../../core/scoring/score';
import { ChartFrame } from './ChartFrame';

export function ElementBars({
  index,
  scores,
  scope,
  hrefForElement,
}: {
  index: CatalogueIndex;
  scores: Scores;
  scope: string[];
  hrefForElement: (id: string) => string;
}) {
  const elements = index.catalogue.spes.filter((s) => scope.includes(s.id)).flatMap((s) => s.elements);
  const data = elements.map((e) => ({
    element: e.id,
    achieved: scores.elements.get(e.id)?.meanAchieved ?? 0,
    target: scores.elements.get(e.id)?.meanTarget ?? 0,
  }));
  const open = (element: string) => (window.location.hash = hrefForElement(element).slice(1));
  return (
    <ChartFrame
      title="Elements"
      summary="Mean achieved level and mean target of the assessed requirements in each element. Click a bar to open the element."
      chart={(width) => (
        <BarChart data={data} accessibilityLayer={false} margin={{ bottom: 24 }} width={width} height={300}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="element" interval={0} angle={-35} textAnchor="end" height={50} fontSize={12} />
          <YAxis domain={[0, 4]} ticks={[0, 1, 2, 3, 4]} width={28} />
          <Legend verticalAlign="top" />
          <Bar
            name="Target"
            dataKey="target"
            fill="var(--muted)"
            fillOpacity={0.45}
            isAnimationActive={false}
            onClick={(item) => open(String((item.payload as { element?: string } | undefined)?.element ?? ''))}
            cursor="pointer"
          />
          <Bar
            name="Achieved"
            dataKey="achieved"
            fill="var(--accent)"
            isAnimationActive={false}
            onClick={(item) => open(String((item.payload as { element?: string } | undefined)?.element ?? ''))}
            cursor="pointer"
          />
        </BarChart>
      )}
      table={
        <table className="data-table compact" aria-label="Elements">
          <thead>
            <tr>
              <th scope="col">Element</th>
              <th scope="col">Mean achieved</th>
              <th scope="col">Mean target</th>
              <th scope="col">Assessed</th>
              <th scope="col">Total gap</th>
            </tr>
          </thead>
          <tbody>
            {elements.map((e) => {
              const r = scores.elements.get(e.id);
              return (
                <tr key={e.id}>
                  <th scope="row">
                    <a href={hrefForElement(e.id)}>
                      {e.id} {e.title}
                    </a>
                  </th>
                  <td>{r?.meanAchieved?.toFixed(1) ?? '—'}</td>
                  <td>{r?.meanTarget?.toFixed(1) ?? '—'}</td>
                  <td>
                    {r?.assessed ?? 0} of {r?.applicable ?? 0}
                  </td>
                  <td>{r?.totalGap ?? 0}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      }
    />
  );
}
