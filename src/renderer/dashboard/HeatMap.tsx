/** Every requirement as a cell, coloured by achieved minus target; grey when not assessed, hatched when not applicable. */
import type { CatalogueIndex } from '../../core/catalogue/lookup';
import type { RequirementScore, Scores } from '../../core/scoring/score';

function cellClass(s: RequirementScore): string {
  if (!s.applicable) return 'cell na';
  if (!s.assessed) return 'cell none';
  const delta = s.achieved! - s.target;
  return delta >= 0 ? 'cell met' : delta === -1 ? 'cell near' : 'cell far';
}

function describe(s: RequirementScore): string {
  if (!s.applicable) return 'not applicable';
  if (!s.assessed) return `not assessed, target ML${s.target}`;
  return `achieved ML${s.achieved}, target ML${s.target}${s.gap ? `, gap ${s.gap}` : ''}`;
}

export function HeatMap({
  index,
  scores,
  scope,
  hrefFor,
}: {
  index: CatalogueIndex;
  scores: Scores;
  scope: string[];
  hrefFor: (id: string) => string;
}) {
  return (
    <section className="panel" aria-labelledby="heatmap-title">
      <h2 id="heatmap-title">Requirements</h2>
      <p className="muted small">
        Each cell is a requirement: <span className="legend met">at or above target</span>{' '}
        <span className="legend near">one level below</span> <span className="legend far">two or more below</span>{' '}
        <span className="legend none">not assessed</span> <span className="legend na">not applicable</span>
      </p>
      <table className="heatmap">
        <tbody>
          {index.catalogue.spes
            .filter((spe) => scope.includes(spe.id))
            .map((spe) => (
              <tr key={spe.id}>
                <th scope="row">{spe.id}</th>
                <td>
                  <ul>
                    {spe.elements.flatMap((e) =>
                      e.requirements.map((r) => {
                        const s = scores.requirements.get(r.id);
                        if (!s) return null;
                        return (
                          <li key={r.id}>
                            <a
                              href={hrefFor(r.id)}
                              className={cellClass(s)}
                              aria-label={`${r.id} ${r.title}: ${describe(s)}`}
                              title={`${r.id}: ${describe(s)}`}
                            >
                              {r.id.split(' ')[1]}
                            </a>
                          </li>
                        );
                      }),
                    )}
                  </ul>
                </td>
              </tr>
            ))}
        </tbody>
      </table>
    </section>
  );
}
