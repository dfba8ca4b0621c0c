/** The portfolio's tables: the sites, their maturity per program element, the requirements below target across sites, overdue actions. */
import { speCellText } from '../../core/documents/portfolio';
import { STATUS_LABELS } from '../../core/records/lifecycle';
import type { Portfolio } from '../../core/portfolio/aggregate';

export function SitesTable({ portfolio, onChoose }: { portfolio: Portfolio; onChoose: (siteKey: string, assessmentId: string) => void }) {
  return (
    <section className="panel" aria-labelledby="portfolio-sites">
      <h2 id="portfolio-sites">Sites</h2>
      <table className="data-table compact portfolio-table" aria-labelledby="portfolio-sites">
        <thead>
          <tr>
            <th scope="col">Site</th>
            <th scope="col">Organization</th>
            <th scope="col">Assessment</th>
            <th scope="col">Period</th>
            <th scope="col">Status</th>
            <th scope="col">Change log</th>
          </tr>
        </thead>
        <tbody>
          {portfolio.sites.map((s) => (
            <tr key={s.key}>
              <th scope="row">{s.siteName}</th>
              <td>{s.organization || '—'}</td>
              <td>
                {s.choices.length > 1 ? (
                  <select
                    aria-label={`Assessment for ${s.siteName}`}
                    value={s.assessment.id}
                    onChange={(e) => onChoose(s.key, e.target.value)}
                  >
                    {s.choices.map((c, i) => (
                      <option key={c.id} value={c.id}>
                        {c.name}
                        {i === 0 ? ' (latest)' : ''}
                        {c.archived ? ' (archived)' : ''}
                      </option>
                    ))}
                  </select>
                ) : (
                  s.assessment.name
                )}
              </td>
              <td>
                {s.assessment.periodStart} to {s.assessment.periodEnd}
              </td>
              <td>{STATUS_LABELS[s.assessment.status]}</td>
              <td>
                {s.logVerified ? (
                  <span className="ok-text">Verified</span>
                ) : (
                  <span className="warn-text">Not verified: {s.logProblem}</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

export function MaturityTable({ portfolio }: { portfolio: Portfolio }) {
  return (
    <section className="panel" aria-labelledby="portfolio-maturity">
      <h2 id="portfolio-maturity">Maturity by program element</h2>
      <p className="muted small">
        Each cell: the attained level (the lowest achieved level among the assessed requirements) · the mean achieved level of the assessed
        requirements.
      </p>
      <table className="data-table compact portfolio-table portfolio-maturity" aria-labelledby="portfolio-maturity">
        <thead>
          <tr>
            <th scope="col">Site</th>
            {portfolio.spes.map((r) => (
              <th key={r.speId} scope="col" title={r.title}>
                {r.speId}
              </th>
            ))}
            <th scope="col">Overall</th>
          </tr>
        </thead>
        <tbody>
          {portfolio.sites.map((s, i) => (
            <tr key={s.key}>
              <th scope="row">{s.siteName}</th>
              {portfolio.spes.map((r) => (
                <td key={r.speId} data-cell={`${s.siteName}|${r.speId}`}>
                  {speCellText(r.cells[i] ?? null)}
                </td>
              ))}
              <td data-cell={`${s.siteName}|overall`}>{speCellText(s.overall)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

export function BelowTarget({ portfolio }: { portfolio: Portfolio }) {
  const { rows, more, total } = portfolio.belowTarget;
  return (
    <section className="panel" aria-labelledby="portfolio-below">
      <h2 id="portfolio-below">Requirements below target at the most sites</h2>
      {total === 0 ? (
        <p className="muted">No assessed requirement is below its target at any site.</p>
      ) : (
        <>
          <table className="data-table compact portfolio-table" aria-labelledby="portfolio-below" data-testid="portfolio-below">
            <thead>
              <tr>
                <th scope="col">Requirement</th>
                <th scope="col">Sites</th>
                <th scope="col">Below target at</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={`${r.catalogueId} ${r.requirementId}`}>
                  <th scope="row">
                    {r.requirementId} <span className="portfolio-title">{r.title}</span>
                  </th>
                  <td>
                    {r.sites.length} of {portfolio.sites.length}
                  </td>
                  <td>{r.sites.join(', ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="muted small">
            Ties with the last one listed are all listed.
            {more > 0 && ` ${more} more requirement${more === 1 ? ' is' : 's are'} below target at fewer sites.`}
          </p>
        </>
      )}
    </section>
  );
}

export function OverdueBySite({ portfolio }: { portfolio: Portfolio }) {
  return (
    <section className="panel" aria-labelledby="portfolio-overdue">
      <h2 id="portfolio-overdue">Overdue actions by site</h2>
      <p className="muted small">Open actions due before {portfolio.asOf}.</p>
      {portfolio.sites.map((s) => (
        <div key={s.key} className="portfolio-overdue">
          <h3>
            {s.siteName}: {s.overdue.length} overdue
          </h3>
          {s.overdue.length > 0 && (
            <table className="data-table compact portfolio-table" aria-label={`Overdue actions at ${s.siteName}`}>
              <thead>
                <tr>
                  <th scope="col">Due</th>
                  <th scope="col">Requirement</th>
                  <th scope="col">Action</th>
                  <th scope="col">Owner</th>
                </tr>
              </thead>
              <tbody>
                {s.overdue.map((a) => (
                  <tr key={a.id}>
                    <td>{a.dueDate}</td>
                    <td>{a.requirementId}</td>
                    <td>{a.description}</td>
                    <td>{a.owner || '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      ))}
    </section>
  );
}
