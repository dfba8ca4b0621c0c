import '../styles/compare.css';
/** Compare two assessments of one site: summary, change per SPE, the requirements by class of change, and the Word document. */
import { useLiveQuery } from 'dexie-react-hooks';
import { CHANGE_LABELS, CHANGES, type Comparison } from '../../core/compare/compareSnapshots';
import { deltaText, meanText } from '../../core/compare/wording';
import { useState } from 'react';
import type { Assessment } from '../../core/records/model';
import { byPeriodNewestFirst, compareChoices, type SiteAssessments } from '../db/queries/compare';
import { useWorkbook } from '../workbook/WorkbookContext';
import { ComparePickers } from './ComparePickers';
import { RequirementChanges } from './RequirementChanges';
import { SaveChangesButton } from './SaveChangesButton';
import { SpeChangeTable } from './SpeChangeTable';
import { useComparison } from './useComparison';

/** The chosen site, or else the first with two assessments to compare. */
function siteOf(sites: SiteAssessments[], chosen: string): SiteAssessments | undefined {
  return sites.find((s) => s.siteId === chosen) ?? sites.find((s) => s.assessments.length > 1) ?? sites[0];
}

/** The chosen pair, or else the latest as current and the one before it as baseline. */
function pairOf(assessments: Assessment[], chosen: { baseline: string; current: string }) {
  const has = (id: string) => assessments.some((a) => a.id === id);
  const current = has(chosen.current) ? chosen.current : (assessments[0]?.id ?? '');
  const currentRecord = assessments.find((a) => a.id === current);
  const earlier = assessments.find((a) => a.id !== current && currentRecord && byPeriodNewestFirst(currentRecord, a) < 0);
  const baseline = has(chosen.baseline) ? chosen.baseline : ((earlier ?? assessments.find((a) => a.id !== current))?.id ?? '');
  return { baseline, current };
}

function Summary({ comparison }: { comparison: Comparison }) {
  const { overall, counts } = comparison;
  return (
    <dl className="compare-summary">
      <div>
        <dt>Mean achieved level</dt>
        <dd>
          {meanText(overall.meanBefore)} → {meanText(overall.meanAfter)} ({deltaText(overall.delta)})
        </dd>
      </div>
      {CHANGES.map((c) => (
        <div key={c}>
          <dt>{CHANGE_LABELS[c]}</dt>
          <dd data-testid={`count-${c}`}>{counts[c]}</dd>
        </div>
      ))}
    </dl>
  );
}

export function CompareScreen({ navigate }: { navigate: (route: string) => void }) {
  const db = useWorkbook();
  const sites = useLiveQuery(() => compareChoices(db), [db]);
  const [siteId, setSiteId] = useState('');
  const [chosen, setChosen] = useState({ baseline: '', current: '' });
  const site = sites ? siteOf(sites, siteId) : undefined;
  const { baseline, current } = pairOf(site?.assessments ?? [], chosen);
  const result = useComparison(baseline, current);
  const enough = (site?.assessments.length ?? 0) > 1;

  return (
    <section className="screen compare-screen" aria-labelledby="screen-title">
      <header className="screen-header">
        <h1 id="screen-title">Compare assessments</h1>
      </header>
      {sites === undefined ? (
        <p role="status">Loading…</p>
      ) : sites.length === 0 || !site ? (
        <div className="panel">
          <p>There is no assessment yet. Create one, and later a re-assessment of the same site, to see what changed.</p>
          <button type="button" onClick={() => navigate('assessment')}>
            Go to assessments
          </button>
        </div>
      ) : (
        <>
          <div className="panel">
            <ComparePickers
              sites={sites}
              siteId={site.siteId}
              baselineId={baseline}
              currentId={current}
              onSite={(id) => {
                setSiteId(id);
                setChosen({ baseline: '', current: '' });
              }}
              onBaseline={(id) => setChosen({ current, baseline: id })}
              onCurrent={(id) => setChosen({ baseline, current: id })}
            />
            {!enough && (
              <div className="notice" role="status">
                <p>
                  {site.siteName} has one assessment, {site.assessments[0]?.name}. A comparison needs two: start a re-assessment of it from
                  the assessments list, answer what changed, and come back here.
                </p>
                <button type="button" onClick={() => navigate('assessment')}>
                  Go to assessments
                </button>
              </div>
            )}
            {enough && <SaveChangesButton baselineId={baseline} currentId={current} disabled={!result?.ok} />}
          </div>
          {enough && result === undefined && <p role="status">Comparing…</p>}
          {enough && result && !result.ok && (
            <p className="notice error" role="alert">
              {result.message}
            </p>
          )}
          {enough && result?.ok && (
            <>
              <section className="panel" aria-labelledby="compare-summary">
                <h2 id="compare-summary">Changes since {result.comparison.baseline.name}</h2>
                <Summary comparison={result.comparison} />
              </section>
              <section className="panel" aria-labelledby="compare-spes">
                <h2 id="compare-spes">By security program element</h2>
                <SpeChangeTable spes={result.comparison.spes} />
              </section>
              <section className="panel" aria-labelledby="compare-requirements">
                <h2 id="compare-requirements">Requirements</h2>
                <RequirementChanges comparison={result.comparison} />
              </section>
            </>
          )}
        </>
      )}
    </section>
  );
}
