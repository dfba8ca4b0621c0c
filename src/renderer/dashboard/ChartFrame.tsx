/**
 * A chart with its table alternative. The table is always in the page for screen readers (the chart
 * itself is hidden from them); a button shows it on screen too. The chart is drawn at its card's width.
 */
import { useId, useState, type ReactNode } from 'react';
import { useCardWidth } from './useCardWidth';

export function ChartFrame({
  title,
  summary,
  chart,
  table,
}: {
  title: string;
  summary: string;
  /** The chart, or a function drawing it at the width given (the card's inner width, in pixels). */
  chart: ReactNode | ((width: number) => ReactNode);
  table: ReactNode;
}) {
  const [showTable, setShowTable] = useState(false);
  // One remembered width per chart: each card has its own place in the layout.
  const [ref, width] = useCardWidth<HTMLDivElement>(title);
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
      <div ref={ref} className="chart-area">
        {!showTable && width > 0 && (
          <div className="chart" aria-hidden="true">
            {typeof chart === 'function' ? chart(width) : chart}
          </div>
        )}
      </div>
      <div className={showTable ? 'chart-table' : 'visually-hidden'}>{table}</div>
    </section>
  );
}
