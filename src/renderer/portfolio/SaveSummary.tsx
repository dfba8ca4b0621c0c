/** "Save summary as Word": the summary is built in a worker from the sites' records, with progress and Cancel, then saved through the platform. */
import { useId, useState } from 'react';
import { visibleText } from '../../core/format/visibleText';
import type { Catalogue } from '../../core/catalogue/types';
import { portfolioMarking, type Portfolio } from '../../core/portfolio/aggregate';
import type { PortfolioBundle } from '../../core/portfolio/bundles';
import { catalogueById } from '../content/catalogues';
import { platform } from '../platform';
import { portfolioDocumentInWorker } from '../workers/portfolioInWorker';
import { JobStatusView } from '../components/JobStatus';

declare const __APP_VERSION__: string;

type Status =
  | { phase: 'idle' }
  | { phase: 'working'; done: number; total: number; label: string; cancel: () => void }
  | { phase: 'done'; message: string }
  | { phase: 'failed'; message: string };

interface Props {
  portfolio: Portfolio;
  bundles: PortfolioBundle[];
  chosen: Record<string, string>;
}

export function SaveSummary({ portfolio, bundles, chosen }: Props) {
  const [status, setStatus] = useState<Status>({ phase: 'idle' });
  const [marking, setMarking] = useState<string | null>(null);
  const markingId = useId();
  const classification = marking ?? portfolioMarking(portfolio);
  // Never printed unmarked, as the other documents: nothing visible in the marking and nothing is made.
  const unmarked = visibleText(classification) === '';

  async function save() {
    const catalogues = [...new Set(portfolio.sites.map((s) => s.catalogue.id))]
      .map((id) => catalogueById(id)?.catalogue)
      .filter((c): c is Catalogue => c !== undefined);
    const job = portfolioDocumentInWorker(
      { bundles, catalogues, chosen, asOf: portfolio.asOf, classification, app: { name: 'CSMS Workbook', version: __APP_VERSION__ } },
      (done, total, label) => setStatus({ phase: 'working', done, total, label, cancel: job.cancel }),
    );
    setStatus({ phase: 'working', done: 0, total: 3, label: 'Starting…', cancel: job.cancel });
    try {
      const file = await job.result;
      const result = await platform.saveFile({
        suggestedName: file.name,
        bytes: file.bytes,
        filters: [{ name: 'Word document', extensions: ['docx'] }],
      });
      if (!result.ok) throw new Error(result.error);
      setStatus({ phase: 'done', message: result.value.saved ? `Saved ${result.value.path}.` : 'Nothing was saved.' });
    } catch (error) {
      const cancelled = error instanceof DOMException && error.name === 'AbortError';
      setStatus(
        cancelled
          ? { phase: 'done', message: 'Cancelled. Nothing was saved.' }
          : { phase: 'failed', message: `The summary could not be made: ${(error as Error).message}` },
      );
    }
  }

  const working = status.phase === 'working';
  return (
    <section className="panel" aria-labelledby="portfolio-save">
      <h2 id="portfolio-save">Word summary</h2>
      <div className="portfolio-save-row">
        <label htmlFor={markingId}>Classification marking</label>
        <input
          id={markingId}
          value={classification}
          maxLength={80}
          aria-describedby={unmarked ? `${markingId}-needed` : undefined}
          onChange={(e) => setMarking(e.target.value)}
        />
        <button
          type="button"
          className="primary"
          disabled={working || portfolio.sites.length === 0 || unmarked}
          onClick={() => void save()}
        >
          Save summary as Word
        </button>
        {status.phase === 'working' && (
          <button type="button" onClick={status.cancel}>
            Cancel
          </button>
        )}
      </div>
      {unmarked && portfolio.sites.length > 0 && (
        <p className="muted small" id={`${markingId}-needed`}>
          Give the classification marking the summary is to carry, for example TLP:AMBER: the bundles read carry none.
        </p>
      )}
      <JobStatusView status={status} doneTestId="portfolio-saved" />
    </section>
  );
}
