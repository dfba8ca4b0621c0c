/**
 * Bundles in and out of the workbook's database, without the UI: the worker and the tests use these.
 * Export reads every record, the log and the files in one read transaction, then packs them; import
 * reads and checks the whole bundle (every hash, the schema, the log) before anything is written.
 */
import { readBundle, writeBundle, type ByteSink } from '../../core/bundle/bundle';
import type { BundleScope } from '../../core/bundle/format';
import type { WriteProgress, WrittenBundle } from '../../core/bundle/bundle';
import type { VerifiedBundle } from '../../core/bundle/verify';
import type { WorkbookForBundle } from '../db/bundle/readForBundle';
import { blobCollector, blobSource } from './blobSource';

export interface ReadBundleResult {
  bundle: VerifiedBundle;
  /** Every evidence file of the bundle, checked against its hash, by SHA-256. */
  files: Map<string, Blob>;
}

export async function packWorkbook(
  workbook: WorkbookForBundle,
  scope: BundleScope,
  app: { name: string; version: string },
  sink: ByteSink,
  onProgress?: (progress: WriteProgress) => void,
): Promise<WrittenBundle> {
  return writeBundle(
    sink,
    { app, createdAt: new Date().toISOString(), records: workbook.records, log: workbook.log },
    scope,
    (sha256) => {
      const blob = workbook.blobs.get(sha256);
      if (!blob) throw new Error(`The stored file ${sha256.slice(0, 12)}… is missing from the workbook; run the integrity check.`);
      return blobSource(blob);
    },
    onProgress,
  );
}

export async function unpackBundle(file: Blob, onProgress?: (done: number, total: number) => void): Promise<ReadBundleResult> {
  const files = new Map<string, Blob>();
  const bundle = await readBundle(blobSource(file), {
    now: new Date().toISOString(),
    onProgress,
    evidence: (sha256, size, storedAt) => {
      // A stored file is a range of the picked bundle, which the browser keeps on disk and refuses to read
      // if it changes after it was picked: keep that range, not a copy (memory stays flat however large).
      if (storedAt !== null) {
        return {
          write: () => Promise.resolve(),
          done: () => Promise.resolve(void files.set(sha256, file.slice(storedAt, storedAt + size))),
          discard: () => Promise.resolve(),
        };
      }
      const collector = blobCollector();
      return {
        write: (chunk) => Promise.resolve(collector.write(chunk)),
        done: () => Promise.resolve(void files.set(sha256, collector.blob())),
        discard: () => Promise.resolve(),
      };
    },
  });
  return { bundle, files };
}
