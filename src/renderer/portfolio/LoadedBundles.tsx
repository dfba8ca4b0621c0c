/** The bundles of the portfolio: being read (with progress), loaded, or refused with the reason; each can be removed. */
import { formatBytes } from '../../core/format/bytes';
import { sitesOf } from '../../core/portfolio/bundles';
import type { LoadedEntry } from './portfolioStore';

/** A clause as the end of a sentence: one full stop, however the clause ended. */
const sentence = (clause: string) => `${clause.replace(/[.\s]+$/, '')}.`;

function describe(entry: LoadedEntry): string {
  const bundle = entry.bundle!;
  const sites = sitesOf(bundle).map((s) => s.site.name);
  const organization = bundle.records.organization?.name ?? 'an unnamed organization';
  const log = bundle.logProblem ? 'its change log does not verify' : 'change log verified';
  return `${organization}: ${sites.length ? sites.join(', ') : 'no site with an assessment'}; ${log}.`;
}

export function LoadedBundles({ entries, onRemove }: { entries: LoadedEntry[]; onRemove: (key: string) => void }) {
  if (!entries.length) return <p className="muted">No bundles yet. Add the bundles saved at each site (Settings → Save as a bundle…).</p>;
  return (
    <ul className="portfolio-bundles" aria-label="Site bundles">
      {entries.map((entry) => (
        <li key={entry.key} className={`portfolio-bundle ${entry.phase}`} data-testid="portfolio-bundle" data-phase={entry.phase}>
          <div className="portfolio-bundle-text">
            <strong>{entry.name}</strong> <span className="muted small">({formatBytes(entry.size)})</span>
            {entry.phase === 'reading' && (
              <label className="small">
                Checking every file’s hash, every record and the change log…
                <progress max={entry.total || 1} value={entry.done} />
              </label>
            )}
            {entry.phase === 'loaded' && <p className="small">{describe(entry)}</p>}
            {entry.phase === 'refused' && (
              <p className="small error-text" role="alert" data-testid="portfolio-refused">
                {entry.name} was not added: {sentence(entry.message ?? 'it could not be read')}
              </p>
            )}
          </div>
          {entry.phase !== 'reading' && (
            <button type="button" onClick={() => onRemove(entry.key)} aria-label={`Remove ${entry.name}`}>
              Remove
            </button>
          )}
        </li>
      ))}
    </ul>
  );
}
