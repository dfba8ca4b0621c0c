/** The site, the baseline and the current assessment to compare. */
import { useId } from 'react';
import type { Assessment } from '../../core/records/model';
import type { SiteAssessments } from '../db/queries/compare';

function optionLabel(a: Assessment): string {
  return `${a.name} (${a.periodStart} to ${a.periodEnd})${a.archived ? ', archived' : ''}`;
}

export function ComparePickers({
  sites,
  siteId,
  baselineId,
  currentId,
  onSite,
  onBaseline,
  onCurrent,
}: {
  sites: SiteAssessments[];
  siteId: string;
  baselineId: string;
  currentId: string;
  onSite: (id: string) => void;
  onBaseline: (id: string) => void;
  onCurrent: (id: string) => void;
}) {
  const ids = { site: useId(), baseline: useId(), current: useId() };
  const assessments = sites.find((s) => s.siteId === siteId)?.assessments ?? [];
  return (
    <div className="compare-pickers">
      <label htmlFor={ids.site}>Site</label>
      <select id={ids.site} value={siteId} onChange={(e) => onSite(e.target.value)}>
        {sites.map((s) => (
          <option key={s.siteId} value={s.siteId}>
            {s.siteName} ({s.assessments.length === 1 ? '1 assessment' : `${s.assessments.length} assessments`})
          </option>
        ))}
      </select>
      {assessments.length > 1 && (
        <>
          <label htmlFor={ids.baseline}>Baseline</label>
          <select id={ids.baseline} value={baselineId} onChange={(e) => onBaseline(e.target.value)}>
            {assessments.map((a) => (
              <option key={a.id} value={a.id}>
                {optionLabel(a)}
              </option>
            ))}
          </select>
          <label htmlFor={ids.current}>Current</label>
          <select id={ids.current} value={currentId} onChange={(e) => onCurrent(e.target.value)}>
            {assessments.map((a) => (
              <option key={a.id} value={a.id}>
                {optionLabel(a)}
              </option>
            ))}
          </select>
        </>
      )}
    </div>
  );
}
