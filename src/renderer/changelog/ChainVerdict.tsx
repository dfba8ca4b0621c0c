/**
 * The log's verdict at the top of the screen: the chain, the records against it and the heads recorded
 * outside it, the same verdict as the Evidence screen's integrity panel (without re-hashing files).
 * The log is read here in one transaction; the hashing runs in a worker, with its progress shown.
 */
import { useEffect, useState } from 'react';
import type { LogCheckReport } from '../../core/audit/logCheck';
import { shortHash } from '../../core/format/bytes';
import { readLogForCheck } from '../db/queries/changeLog';
import { logAnchors } from '../export/exportAnchor';
import { checkLogInWorker, isCancelled, type ChangeLogJob } from '../workers/changeLogInWorker';
import { useWorkbook } from '../workbook/WorkbookContext';

type LogReport = LogCheckReport;

interface Progress {
  stage: 'chain' | 'records' | 'file';
  done: number;
  total: number;
}

function progressText(progress: Progress | null): string {
  if (!progress) return 'Checking the change log…';
  const of = `${progress.done.toLocaleString('en')} of ${progress.total.toLocaleString('en')}`;
  return progress.stage === 'chain'
    ? `Checking the change log… ${of} entries`
    : `Checking the records against the change log… ${of} records`;
}

function verdictText(report: LogReport): { intact: boolean; text: string } {
  const { chain, data, continuity } = report;
  if (!chain.ok) return { intact: false, text: `Change log broken at entry ${chain.seq}: ${chain.reason}.` };
  if (!continuity.ok) return { intact: false, text: continuity.message };
  if (!data.ok) {
    const n = data.problems.length;
    return {
      intact: false,
      text: `The records do not match the change log: ${n} ${n === 1 ? 'difference' : 'differences'}, first: ${data.problems[0]!.message}`,
    };
  }
  return { intact: true, text: `Change log intact: ${chain.count.toLocaleString('en')} entries, and every record matches it.` };
}

/** `head` changes with every new entry, which re-runs the check (and stops one still running). */
export function ChainVerdict({ head }: { head: string }) {
  const db = useWorkbook();
  // Each outcome remembers the head it was checked at; one for an older head means a check is under way.
  const [outcome, setOutcome] = useState<{ head: string; report?: LogReport; failure?: string } | null>(null);
  const [progress, setProgress] = useState<(Progress & { head: string }) | null>(null);

  useEffect(() => {
    let live = true;
    let job: ChangeLogJob<LogReport> | null = null;
    Promise.all([readLogForCheck(db), logAnchors(db)])
      .then(([read, anchors]) => {
        if (!live) return null;
        job = checkLogInWorker({ ...read, anchors }, (stage, done, total) => live && setProgress({ head, stage, done, total }));
        return job.result;
      })
      .then((report) => live && report && setOutcome({ head, report }))
      .catch(
        (error: unknown) =>
          live && !isCancelled(error) && setOutcome({ head, failure: `The check could not finish: ${(error as Error).message}` }),
      );
    return () => {
      live = false;
      job?.cancel();
    };
  }, [db, head]);

  const current = outcome?.head === head ? outcome : null;
  if (current?.failure)
    return (
      <p role="alert" className="notice error">
        {current.failure}
      </p>
    );
  const report = current?.report;
  if (!report)
    return (
      <p role="status" className="notice" data-testid="log-verdict" data-intact="checking">
        {progressText(progress?.head === head ? progress : null)}
      </p>
    );
  const { intact, text } = verdictText(report);
  return (
    <div role="status" className={`notice ${intact ? 'success' : 'error'}`} data-testid="log-verdict" data-intact={intact ? 'yes' : 'no'}>
      <p>{text}</p>
      {report.chain.ok && report.chain.count > 0 && (
        <p className="log-head">
          Head hash: <code title={report.chain.head}>{shortHash(report.chain.head)}</code>
        </p>
      )}
    </div>
  );
}
