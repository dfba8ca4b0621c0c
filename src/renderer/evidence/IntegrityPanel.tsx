/**
 * Re-checks the change log's hash chain, the data against the log, the log against the heads recorded
 * outside it, and re-hashes every stored file, naming any damage; says what the check can and cannot prove.
 */
import { useState } from 'react';
import { formatBytes, shortHash } from '../../core/format/bytes';
import { checkIntegrity, integrityIntact, type IntegrityReport } from '../db/integrity';
import { hashInWorker } from '../workers/hashInWorker';
import { logAnchors } from '../export/exportAnchor';
import { useWorkbook } from '../workbook/WorkbookContext';

const SHOWN_PROBLEMS = 10;

function LogVerdict({ report }: { report: IntegrityReport }) {
  const { chain, data, continuity } = report;
  if (!chain.ok) {
    return (
      <p className="error-text">
        Change log broken at entry {chain.seq}: {chain.reason}.
      </p>
    );
  }
  if (!continuity.ok) return <p className="error-text">{continuity.message}</p>;
  if (!data.ok) {
    return (
      <div className="error-text">
        <p>
          The records do not match the change log: {data.problems.length} {data.problems.length === 1 ? 'difference' : 'differences'}.
        </p>
        <ul>
          {data.problems.slice(0, SHOWN_PROBLEMS).map((p) => (
            <li key={`${p.entity}|${p.id}`}>{p.message}</li>
          ))}
          {data.problems.length > SHOWN_PROBLEMS && <li>and {data.problems.length - SHOWN_PROBLEMS} more.</li>}
        </ul>
      </div>
    );
  }
  return (
    <p>
      Change log intact: {chain.count} entries, head <code title={chain.head}>{shortHash(chain.head)}</code>; all {data.records} records
      match it.
    </p>
  );
}

export function IntegrityPanel() {
  const db = useWorkbook();
  const [report, setReport] = useState<IntegrityReport | null>(null);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [failure, setFailure] = useState('');

  async function run() {
    setReport(null);
    setFailure('');
    setProgress({ done: 0, total: 0 });
    try {
      const anchors = await logAnchors(db);
      setReport(await checkIntegrity(db, { hasher: hashInWorker, anchors, onProgress: (done, total) => setProgress({ done, total }) }));
    } catch (error) {
      setFailure(`The check could not finish: ${(error as Error).message}`);
    } finally {
      setProgress(null);
    }
  }

  const intact = report && integrityIntact(report);
  return (
    <section className="panel" aria-labelledby="integrity-title">
      <h2 id="integrity-title">Integrity</h2>
      <p className="muted">
        The change log is tamper-evident: the check shows whether an entry, a record or a stored file was changed, added or removed outside
        the app since it was saved, but someone able to rewrite this computer&rsquo;s database and its records of it could rebuild the log
        unseen — the head hash carried by your exported files is the proof that leaves the machine.
      </p>
      <button type="button" onClick={() => void run()} disabled={progress !== null}>
        Check integrity
      </button>
      {progress && (
        <p role="status">
          Checking files: {progress.done} of {progress.total}
        </p>
      )}
      {failure && <p role="alert">{failure}</p>}
      {report && (
        <div
          role="status"
          data-testid="integrity-result"
          data-intact={intact ? 'yes' : 'no'}
          data-log={report.chain.ok && report.continuity.ok ? 'yes' : 'no'}
          data-data={report.data.ok ? 'yes' : 'no'}
        >
          <LogVerdict report={report} />
          <p>
            {report.filesChecked} files re-hashed ({formatBytes(report.bytesChecked)}):{' '}
            {report.blobProblems.length === 0 ? 'all match.' : `${report.blobProblems.length} do not match.`}
          </p>
          {report.blobProblems.length > 0 && (
            <ul className="error-text">
              {report.blobProblems.map((p) => (
                <li key={p.sha256}>
                  {p.evidenceIds.join(', ') || 'An unused file'}:{' '}
                  {p.problem === 'changed' ? 'the stored file no longer matches its hash' : 'the stored file is missing'} (
                  <code>{shortHash(p.sha256)}</code>)
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}
