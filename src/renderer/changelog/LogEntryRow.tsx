/** One entry as a person reads it: when, who, which record, and each field before → after. */
import { describeEntry, type LogNames } from '../../core/audit/logView';
import type { AuditEntry } from '../../core/audit/chain';

const localTime = (at: string) => new Date(at).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'medium' });

function Value({ short, full, side }: { short: string; full?: string; side: 'before' | 'after' }) {
  if (!full) return <span className={`log-${side}`}>{short}</span>;
  return (
    <details className={`log-${side}`}>
      <summary>{short}</summary>
      <p className="log-full">{full}</p>
    </details>
  );
}

export function LogEntryRow({ entry, names }: { entry: AuditEntry; names: LogNames }) {
  const row = describeEntry(entry, names);
  const href =
    row.assessmentId && row.requirementId ? `#assessment/${row.assessmentId}/${encodeURIComponent(row.requirementId)}` : undefined;
  return (
    <li className="log-row" data-seq={row.seq}>
      <p className="log-meta">
        <time dateTime={row.at} title={row.time}>
          {localTime(row.at)}
        </time>
        <span className="log-actor">{row.actor}</span>
        <span className="muted">entry {row.seq}</span>
      </p>
      <p className="log-record">{href ? <a href={href}>{row.record}</a> : row.record}</p>
      {row.summary && <p className="log-summary">{row.summary}</p>}
      {row.changes.length > 0 && (
        <dl className="log-changes">
          {row.changes.map((c) => (
            <div key={c.field}>
              <dt>{c.label}</dt>
              <dd>
                <Value short={c.before} full={c.beforeFull} side="before" /> <span aria-label="changed to">→</span>{' '}
                <Value short={c.after} full={c.afterFull} side="after" />
              </dd>
            </div>
          ))}
        </dl>
      )}
      {row.reason && <p className="log-reason">Reason given: {row.reason}</p>}
    </li>
  );
}
