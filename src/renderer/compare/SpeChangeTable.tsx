/** Per SPE: the mean achieved level before and after, the change, and how many requirements moved which way. */
import type { SpeComparison } from '../../core/compare/compareSnapshots';
import { deltaText, meanText } from '../../core/compare/wording';

function deltaClass(delta: number | null): string {
  if (delta === null || delta === 0) return '';
  return delta > 0 ? 'compare-up' : 'compare-down';
}

export function SpeChangeTable({ spes }: { spes: SpeComparison[] }) {
  return (
    <table className="data-table compare-table" aria-label="Change by program element">
      <thead>
        <tr>
          <th scope="col">Program element</th>
          <th scope="col">Mean before</th>
          <th scope="col">Mean after</th>
          <th scope="col">Change</th>
          <th scope="col">Improved</th>
          <th scope="col">Regressed</th>
          <th scope="col">Newly assessed</th>
          <th scope="col">No longer assessed</th>
          <th scope="col">Unchanged</th>
        </tr>
      </thead>
      <tbody>
        {spes.map((s) => (
          <tr key={s.speId}>
            <th scope="row">
              {s.speId} <span className="muted">{s.title}</span>
            </th>
            <td>{meanText(s.meanBefore)}</td>
            <td>{meanText(s.meanAfter)}</td>
            <td className={deltaClass(s.delta)}>{deltaText(s.delta)}</td>
            <td>{s.counts.improved}</td>
            <td>{s.counts.regressed}</td>
            <td>{s.counts['newly-assessed']}</td>
            <td>{s.counts['no-longer-assessed']}</td>
            <td>{s.counts.unchanged}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
