/** The ten largest gaps and the overdue actions, each leading to its requirement. */
import type { CatalogueIndex } from '../../core/catalogue/lookup';
import type { Scores } from '../../core/scoring/score';
import type { Action } from '../../core/records/model';

export function GapsAndActions({
  index,
  scores,
  overdue,
  hrefFor,
}: {
  index: CatalogueIndex;
  scores: Scores;
  /** Already chosen by the rules (dashboardView): open, due before today. */
  overdue: Action[];
  hrefFor: (id: string) => string;
}) {
  return (
    <div className="two-columns">
      <section className="panel" aria-labelledby="gaps-title">
        <h2 id="gaps-title">Largest gaps</h2>
        {scores.gaps.length === 0 ? (
          <p className="muted">No gaps among the assessed requirements.</p>
        ) : (
          <table className="data-table compact" aria-labelledby="gaps-title">
            <thead>
              <tr>
                <th scope="col">Requirement</th>
                <th scope="col">Achieved</th>
                <th scope="col">Target</th>
                <th scope="col">Gap</th>
              </tr>
            </thead>
            <tbody>
              {scores.gaps.slice(0, 10).map((g) => (
                <tr key={g.requirementId}>
                  <th scope="row">
                    <a href={hrefFor(g.requirementId)}>
                      {g.requirementId} {index.requirement(g.requirementId)?.title}
                    </a>
                  </th>
                  <td>ML{g.achieved}</td>
                  <td>ML{g.target}</td>
                  <td>{g.gap}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section className="panel" aria-labelledby="overdue-title">
        <h2 id="overdue-title">Overdue actions</h2>
        {overdue.length === 0 ? (
          <p className="muted">No overdue actions.</p>
        ) : (
          <table className="data-table compact" aria-labelledby="overdue-title">
            <thead>
              <tr>
                <th scope="col">Due</th>
                <th scope="col">Action</th>
                <th scope="col">Owner</th>
              </tr>
            </thead>
            <tbody>
              {overdue.map((a) => (
                <tr key={a.id}>
                  <td>{a.dueDate}</td>
                  <td>
                    <a href={hrefFor(a.requirementId)}>{a.requirementId}</a> {a.description}
                  </td>
                  <td>{a.owner || '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}
