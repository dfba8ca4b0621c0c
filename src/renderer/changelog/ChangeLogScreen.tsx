/**
 * The change log to read: its verdict on top, filters (applied in core), newest first, a page of rows at
 * a time so a log of 100,000 entries stays quick, and saving it as CSV or JSON lines.
 */
import '../styles/changelog.css';
import { useMemo, useState } from 'react';
import { filterLog, logChoices, type LogFilter } from '../../core/audit/logView';
import { ChainVerdict } from './ChainVerdict';
import { LogEntryRow } from './LogEntryRow';
import { LogExport } from './LogExport';
import { LogFilters, NO_FILTER, type FilterChoice } from './LogFilters';
import { useChangeLog } from './useChangeLog';

export const PAGE_SIZE = 50;

/** Local calendar days to instants: from the start of `from` until the end of `to`. */
function toLogFilter(choice: FilterChoice): LogFilter {
  const filter: LogFilter = {};
  if (choice.assessmentId) filter.assessmentId = choice.assessmentId;
  if (choice.requirementId) filter.requirementId = choice.requirementId;
  if (choice.actor) filter.actor = choice.actor;
  const start = (day: string) => new Date(`${day}T00:00:00`);
  if (choice.from && !Number.isNaN(start(choice.from).getTime())) filter.from = start(choice.from).toISOString();
  if (choice.to && !Number.isNaN(start(choice.to).getTime())) {
    const end = start(choice.to);
    end.setDate(end.getDate() + 1);
    filter.until = end.toISOString();
  }
  return filter;
}

export function ChangeLogScreen(_props: { navigate: (route: string) => void }) {
  const log = useChangeLog();
  const [choice, setChoice] = useState<FilterChoice>(NO_FILTER);
  const [page, setPage] = useState(0);

  const filtered = useMemo(() => (log ? filterLog(log.entries, toLogFilter(choice), log.names) : []), [log, choice]);
  const choices = useMemo(
    () => (log ? logChoices(log.entries, log.names, choice.assessmentId || undefined) : null),
    [log, choice.assessmentId],
  );
  const assessments = useMemo(
    () => (log ? [...log.names.assessment].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name)) : []),
    [log],
  );
  const choose = (next: FilterChoice) => {
    setChoice(next);
    setPage(0);
  };

  const pages = Math.max(1, Math.ceil(filtered.length / PAGE_SIZE));
  const current = Math.min(page, pages - 1);
  // Newest first: the page is counted from the end of the log.
  const end = filtered.length - current * PAGE_SIZE;
  const shown = filtered.slice(Math.max(0, end - PAGE_SIZE), end).reverse();
  const head = log?.entries.at(-1)?.hash ?? '';

  return (
    <section className="screen changelog-screen" aria-labelledby="screen-title">
      <header className="screen-header">
        <h1 id="screen-title">Change log</h1>
      </header>
      <ChainVerdict head={head} />
      {!log || !choices ? (
        <p role="status">Reading the change log…</p>
      ) : (
        <>
          <LogFilters
            value={choice}
            onChange={choose}
            assessments={assessments}
            requirements={choices.requirements}
            people={choices.people}
          />
          <nav className="log-pager" aria-label="Pages of the change log">
            <p role="status" aria-live="polite">
              {filtered.length === 0
                ? 'No entries match.'
                : `Entries ${(current * PAGE_SIZE + 1).toLocaleString('en')}–${(current * PAGE_SIZE + shown.length).toLocaleString('en')} of ${filtered.length.toLocaleString('en')}, newest first`}
            </p>
            <button type="button" disabled={current === 0} onClick={() => setPage(current - 1)}>
              Newer
            </button>
            <button type="button" disabled={current >= pages - 1} onClick={() => setPage(current + 1)}>
              Older
            </button>
          </nav>
          <ol className="log-rows" aria-label="Change log entries">
            {shown.map((entry) => (
              <LogEntryRow key={entry.seq} entry={entry} names={log.names} />
            ))}
          </ol>
          <LogExport all={log.entries} filtered={filtered} names={log.names} />
        </>
      )}
    </section>
  );
}
