import '../styles/dashboard.css';
/** Where the program stands: figures, charts with their tables, the heat-map, gaps, overdue actions, trend. */
import { useCallback, useLayoutEffect } from 'react';
import { SCORING_RULES } from '../../core/scoring/method';
import { AssessmentPicker, useChosenAssessment } from '../components/AssessmentPicker';
import { StartChoices } from '../setup/StartChoices';
import { ElementBars } from './ElementBars';
import { Figures } from './Figures';
import { GapsAndActions } from './GapsAndActions';
import { HeatMap } from './HeatMap';
import { SpeRadar } from './SpeRadar';
import { Trend } from './Trend';
import { useDashboardData, type DashboardData } from './useDashboardData';

function Dashboard({ data }: { data: DashboardData }) {
  const { assessment, index, scores } = data;
  const hrefFor = useCallback((id: string) => `#/assessment/${assessment.id}/${encodeURIComponent(id)}`, [assessment.id]);
  const firstOf = (ids: string[]) => hrefFor(ids[0] ?? '');
  const hrefForSpe = (speId: string) => firstOf(index.requirements.filter((r) => r.speId === speId).map((r) => r.id));
  const hrefForElement = (elementId: string) => firstOf(index.element(elementId)?.requirements.map((r) => r.id) ?? []);
  // A mark once the dashboard is in the DOM, for bench/dashboard render timing.
  useLayoutEffect(() => void performance.mark('dashboard-shown'), [scores]);
  return (
    <>
      <Figures overall={scores.overall} />
      <div className="two-columns">
        <SpeRadar index={index} scores={scores} scope={assessment.scope} hrefForSpe={hrefForSpe} />
        <ElementBars index={index} scores={scores} scope={assessment.scope} hrefForElement={hrefForElement} />
      </div>
      <HeatMap index={index} scores={scores} scope={assessment.scope} hrefFor={hrefFor} />
      <GapsAndActions index={index} scores={scores} overdue={data.overdue} hrefFor={hrefFor} />
      {data.trend.length > 1 && <Trend trend={data.trend} />}
      <details className="panel">
        <summary>How scores are computed</summary>
        <ul>
          {SCORING_RULES.map((rule) => (
            <li key={rule}>{rule}</li>
          ))}
        </ul>
      </details>
    </>
  );
}

export function DashboardScreen() {
  const { assessments, assessmentId, chosen, choose } = useChosenAssessment();
  // Not `assessmentId`: the query resolves the default itself, without waiting for the list.
  const data = useDashboardData(chosen);
  return (
    <section className="screen wide" aria-labelledby="screen-title">
      <header className="screen-header">
        <h1 id="screen-title">Dashboard</h1>
        <AssessmentPicker assessments={assessments} value={data?.assessment.id ?? assessmentId} onChange={choose} />
      </header>
      {assessments?.length === 0 && <StartChoices />}
      {data ? <Dashboard data={data} /> : assessments && assessments.length > 0 && <p role="status">Loading…</p>}
    </section>
  );
}
