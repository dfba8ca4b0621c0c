/**
 * A chart with its table alternative. The table is always in the page for screen readers (the chart
 * itself is hidden from them); a button shows it on screen too.
 */
import { useId, useState, type ReactNode } from 'react';

export function ChartFrame({ title, summary, chart, table }: { title: string; summary: string; chart: ReactNode; table: ReactNode }) {
  const [showTable, setShowTable] = useState(false);
  const id = useId();
  return (
    <section className="panel chart-panel" aria-labelledby={id}>
      <div className="panel-header">
        <h2 id={id}>{title}</h2>
        <button type="button" className="link-button small" aria-pressed={showTable} onClick={() => setShowTable((s) => !s)}>
          {showTable ? 'Show chart' : 'Show as table'}
        </button>
      </div>
      <p className="muted small">{summary}</p>
      {!showTable && (
        <div className="chart" aria-hidden="true">
          {chart}
        </div>
      )}
      <div className={showTable ? 'chart-table' : 'visually-hidden'}>{table}</div>
    </section>
  );
}
