import '../styles/portfolio.css';
/**
 * Portfolio: many sites side by side, read from their bundles. Read-only: it never touches this
 * workbook's database. The bundles are read and checked in a worker; every figure is computed here
 * from their records each time it is shown, with the one scoring module.
 */
import { useId, useMemo, useState } from 'react';
import { BUNDLE_LIMITS } from '../../core/bundle/format';
import { isCalendarDate } from '../../core/format/calendarDate';
import { buildPortfolio } from '../../core/portfolio/aggregate';
import type { PortfolioBundle } from '../../core/portfolio/bundles';
import { BUNDLE_FILTERS } from '../bundle/saveBundle';
import { catalogueById } from '../content/catalogues';
import { useToday } from '../hooks/useToday';
import { platform } from '../platform';
import { LoadedBundles } from './LoadedBundles';
import { BelowTarget, MaturityTable, OverdueBySite, SitesTable } from './PortfolioTables';
import { portfolioStore, usePortfolioStore } from './portfolioStore';
import { SaveSummary } from './SaveSummary';
import { SiteChart } from './SiteChart';

declare const __APP_VERSION__: string;

export function PortfolioScreen() {
  const { entries, chosen, cancel } = usePortfolioStore();
  const today = useToday();
  const [asOfInput, setAsOfInput] = useState<string | null>(null);
  const [pickError, setPickError] = useState<string | null>(null);
  const asOfId = useId();
  const asOf = asOfInput !== null && isCalendarDate(asOfInput) ? asOfInput : today;

  const bundles = useMemo(() => entries.flatMap((e) => (e.bundle ? [e.bundle] : [])) as PortfolioBundle[], [entries]);
  const outcome = useMemo(
    () =>
      bundles.length
        ? buildPortfolio(bundles, {
            catalogue: (id) => catalogueById(id)?.catalogue,
            asOf,
            chosen,
            app: { name: 'CSMS Workbook', version: __APP_VERSION__ },
            now: new Date(),
          })
        : null,
    [bundles, asOf, chosen],
  );

  async function pick() {
    setPickError(null);
    const picked = await platform.openFiles({ multiple: true, filters: BUNDLE_FILTERS, maxBytes: BUNDLE_LIMITS.totalBytes });
    if (!picked.ok) return setPickError(picked.error);
    if (picked.value.length) await portfolioStore.add(picked.value.map((f) => ({ name: f.name, blob: f.blob })));
  }

  return (
    <section className="screen wide portfolio" aria-labelledby="screen-title">
      <header className="screen-header">
        <h1 id="screen-title">Portfolio</h1>
        <span className="badge">Read-only</span>
      </header>
      <p className="notice" data-testid="portfolio-note">
        Many sites side by side, from the bundles each site saved. This screen only reads the bundles: it never changes this workbook. The
        portfolio is kept while the app stays open and is not saved; add the bundles again next time.
      </p>
      <section className="panel" aria-labelledby="portfolio-bundles">
        <div className="panel-header portfolio-bundles-header">
          <h2 id="portfolio-bundles">Site bundles</h2>
          <div className="button-row">
            <button type="button" className="primary" onClick={() => void pick()}>
              Add site bundles…
            </button>
            {cancel && (
              <button type="button" onClick={cancel}>
                Stop reading
              </button>
            )}
          </div>
        </div>
        {pickError && (
          <p className="notice error" role="alert">
            {pickError}
          </p>
        )}
        <LoadedBundles entries={entries} onRemove={portfolioStore.remove} />
      </section>
      {outcome && !outcome.ok && (
        <div className="notice error" role="alert" data-testid="portfolio-duplicates">
          <p>The portfolio is not shown while a site is there twice:</p>
          <ul>
            {outcome.duplicates.map((d) => (
              <li key={d.keys.join(' ')}>{d.message}</li>
            ))}
          </ul>
        </div>
      )}
      {outcome?.ok && (
        <>
          <div className="portfolio-asof">
            <label htmlFor={asOfId}>Overdue as of</label>
            <input id={asOfId} type="date" value={asOfInput ?? today} onChange={(e) => setAsOfInput(e.target.value)} />
          </div>
          {outcome.portfolio.leftOut.length > 0 && (
            <div className="notice warning" role="status">
              <p>Left out:</p>
              <ul>
                {outcome.portfolio.leftOut.map((l) => (
                  <li key={`${l.fileName} ${l.siteName}`}>
                    {l.fileName}
                    {l.siteName ? ` (${l.siteName})` : ''}: {l.reason}.
                  </li>
                ))}
              </ul>
            </div>
          )}
          {outcome.portfolio.sites.length > 0 && (
            <>
              <SitesTable portfolio={outcome.portfolio} onChoose={portfolioStore.choose} />
              <MaturityTable portfolio={outcome.portfolio} />
              <SiteChart portfolio={outcome.portfolio} />
              <BelowTarget portfolio={outcome.portfolio} />
              <OverdueBySite portfolio={outcome.portfolio} />
              <SaveSummary portfolio={outcome.portfolio} bundles={bundles} chosen={chosen} />
            </>
          )}
        </>
      )}
    </section>
  );
}
