/// <reference lib="webworker" />
/**
 * The portfolio's heavy work off the UI thread. Reading: each bundle is read and checked whole by the
 * one bundle reader, one at a time; evidence bytes are hashed and dropped, so memory holds one
 * bundle's records at most, and each bundle's outcome is posted as soon as it is known. Building: the
 * portfolio is computed again from the records and packed into the Word summary.
 */
import { readBundle } from '../../core/bundle/bundle';
import { BUNDLE_LIMITS } from '../../core/bundle/format';
import { BundleError, type EvidenceSink } from '../../core/bundle/zip';
import type { Catalogue } from '../../core/catalogue/types';
import { packDocument } from '../../core/documents/build';
import { buildPortfolioDocument, portfolioFileName } from '../../core/documents/portfolio';
import { buildPortfolio } from '../../core/portfolio/aggregate';
import { portfolioBundle, type PortfolioBundle } from '../../core/portfolio/bundles';
import { blobSource } from '../bundle/blobSource';

export interface PortfolioDocumentRequest {
  bundles: PortfolioBundle[];
  /** The catalogues the sites use (the worker has no copy of its own). */
  catalogues: Catalogue[];
  chosen: Record<string, string>;
  asOf: string;
  classification: string;
  app: { name: string; version: string };
}

export type PortfolioRequest =
  { type: 'read'; files: { key: string; name: string; blob: Blob }[] } | ({ type: 'document' } & PortfolioDocumentRequest);

export type PortfolioReply =
  | { type: 'progress'; key: string; done: number; total: number }
  | { type: 'loaded'; bundle: PortfolioBundle }
  | { type: 'refused'; key: string; message: string }
  | { type: 'read-all' }
  | { type: 'step'; done: number; total: number; label: string }
  | { type: 'document'; name: string; bytes: Uint8Array }
  | { type: 'error'; message: string };

const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (reply: PortfolioReply, transfer: Transferable[] = []) => scope.postMessage(reply, transfer);

/** Evidence is checked against its hash as it streams past, and nothing of it is kept. */
const dropEvidence = (): EvidenceSink => ({
  write: () => Promise.resolve(),
  done: () => Promise.resolve(),
  discard: () => Promise.resolve(),
});

async function readOne(file: { key: string; name: string; blob: Blob }): Promise<PortfolioReply> {
  if (file.blob.size > BUNDLE_LIMITS.totalBytes) return { type: 'refused', key: file.key, message: 'it is larger than any bundle can be' };
  try {
    const verified = await readBundle(blobSource(file.blob), {
      now: new Date().toISOString(),
      evidence: dropEvidence,
      onProgress: (done, total) => post({ type: 'progress', key: file.key, done, total }),
    });
    return { type: 'loaded', bundle: portfolioBundle(file.key, file.name, verified) };
  } catch (error) {
    const message =
      error instanceof BundleError ? `it is not a valid bundle: ${error.message}` : `it could not be read (${(error as Error).message})`;
    return { type: 'refused', key: file.key, message };
  }
}

async function buildDocument(request: PortfolioDocumentRequest): Promise<void> {
  const total = 3;
  post({ type: 'step', done: 0, total, label: 'Computing the portfolio from the sites’ records…' });
  const catalogues = new Map(request.catalogues.map((c) => [c.id, c]));
  const now = new Date();
  const outcome = buildPortfolio(request.bundles, {
    catalogue: (id) => catalogues.get(id),
    asOf: request.asOf,
    chosen: request.chosen,
    app: request.app,
    now,
  });
  if (!outcome.ok) throw new Error(outcome.duplicates[0]!.message);
  post({ type: 'step', done: 1, total, label: 'Building the summary…' });
  const doc = buildPortfolioDocument(outcome.portfolio, {
    classification: request.classification,
    generatedAt: now.toISOString(),
    app: request.app,
  });
  post({ type: 'step', done: 2, total, label: 'Packing the Word file…' });
  const bytes = await packDocument(doc);
  post({ type: 'document', name: portfolioFileName(request.asOf), bytes }, [bytes.buffer]);
}

scope.onmessage = async (event: MessageEvent<PortfolioRequest>) => {
  const request = event.data;
  try {
    if (request.type === 'read') {
      for (const file of request.files) post(await readOne(file));
      post({ type: 'read-all' });
    } else {
      await buildDocument(request);
    }
  } catch (error) {
    post({ type: 'error', message: error instanceof Error ? error.message : String(error) });
  }
};
