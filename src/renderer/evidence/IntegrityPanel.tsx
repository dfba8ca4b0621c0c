/** Re-checks the change log's hash chain and re-hashes every stored file, naming any damage. */
import { useState } from 'react';
import { formatBytes, shortHash } from '../../core/format/bytes';
import { checkIntegrity, type IntegrityReport } from '../db/integrity';
import { hashInWorker } from '../workers/hashInWorker';
import { useWorkbook } from '../workbook/WorkbookContext';

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
      setReport(await checkIntegrity(db, { hasher: hashInWorker, onProgress: (done, total) => setProgress({ done, total }) }));
    } catch (error) {
      setFailure(`The check could not finish: ${(error as Error).message}`);
    } finally {
      setProgress(null);
    }
  }

  const intact = report && report.chain.ok && report.blobProblems.length === 0;
  return (
    <section className="panel" aria-labelledby="integrity-title">
      <h2 id="integrity-title">Integrity</h2>
      <p className="muted">Checks that no change-log entry and no stored file has been altered since it was saved.</p>
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
        <div role="status" data-testid="integrity-result" data-intact={intact ? 'yes' : 'no'}>
          {report.chain.ok ? (
            <p>
              Change log intact: {report.chain.count} entries, head <code title={report.chain.head}>{shortHash(report.chain.head)}</code>.
            </p>
          ) : (
            <p className="error-text">
              Change log broken at entry {report.chain.seq}: {report.chain.reason}.
            </p>
          )}
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
