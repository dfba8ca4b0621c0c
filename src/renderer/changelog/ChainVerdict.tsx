/**
 * The log's verdict at the top of the screen: the chain, the records against it and the heads recorded
 * outside it, from the same check the Evidence screen's integrity panel runs (without re-hashing files).
 */
import { useEffect, useState } from 'react';
import { shortHash } from '../../core/format/bytes';
import { logAnchors } from '../export/exportAnchor';
import { checkLog, type IntegrityReport } from '../db/integrity';
import { useWorkbook } from '../workbook/WorkbookContext';

type LogReport = Pick<IntegrityReport, 'chain' | 'data' | 'continuity'>;

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

/** `head` changes with every new entry, which re-runs the check. */
export function ChainVerdict({ head }: { head: string }) {
  const db = useWorkbook();
  // Each outcome remembers the head it was checked at; one for an older head means a check is under way.
  const [outcome, setOutcome] = useState<{ head: string; report?: LogReport; failure?: string } | null>(null);

  useEffect(() => {
    let live = true;
    logAnchors(db)
      .then((anchors) => checkLog(db, anchors))
      .then((report) => live && setOutcome({ head, report }))
      .catch((error: unknown) => live && setOutcome({ head, failure: `The check could not finish: ${(error as Error).message}` }));
    return () => {
      live = false;
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
        Checking the change log…
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
