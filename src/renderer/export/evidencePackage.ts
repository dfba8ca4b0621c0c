/**
 * Writes the evidence package as a zip stream, one file at a time: each evidence file is read in
 * chunks, hashed as it goes, and checked against the hash recorded when it was added. Output chunks
 * are handed to Blob storage as they come, so memory does not grow with the evidence size.
 */
import { createSHA256 } from 'hash-wasm';
import { Zip, ZipDeflate, ZipPassThrough } from 'fflate';
import { sha256Hex } from '../../core/hashing/sha256';
import { changeLogPackageFiles, evidencePath, packageManifest, sha256Manifest, type PackedFile } from '../../core/package/evidencePackage';
import type { WorkbookSnapshot } from '../../core/snapshot/snapshot';
import { workbookForBundle } from '../db/bundle/readForBundle';
import type { WorkbookDb } from '../db/database';
import { chunksOf } from '../db/hashBlob';
import { evidenceBlob } from '../db/repo/evidence';

const FLUSH_BYTES = 8 * 1024 * 1024;

class BlobSink {
  private parts: BlobPart[] = [];
  private pending: Uint8Array[] = [];
  private pendingBytes = 0;
  push(chunk: Uint8Array) {
    this.pending.push(chunk);
    this.pendingBytes += chunk.length;
    if (this.pendingBytes >= FLUSH_BYTES) this.flush();
  }
  flush() {
    if (this.pending.length) this.parts.push(new Blob(this.pending as BlobPart[]));
    this.pending = [];
    this.pendingBytes = 0;
  }
  blob(): Blob {
    this.flush();
    return new Blob(this.parts, { type: 'application/zip' });
  }
}

export async function buildEvidencePackage(
  db: WorkbookDb,
  snapshot: WorkbookSnapshot,
  documents: { name: string; bytes: Uint8Array }[],
  onProgress: (done: number, total: number) => void,
  signal: AbortSignal,
): Promise<Blob> {
  const sink = new BlobSink();
  let failure: Error | null = null;
  const zip = new Zip((error, chunk) => {
    if (error) failure = error;
    else sink.push(chunk);
  });
  const packed: PackedFile[] = [];
  for (const doc of documents) {
    const entry = new ZipDeflate(doc.name, { level: 6 });
    zip.add(entry);
    entry.push(doc.bytes, true);
    packed.push({ path: doc.name, sha256: sha256Hex(doc.bytes), size: doc.bytes.length });
  }
  const files = snapshot.evidence.filter((e) => e.kind === 'file');
  const total = files.reduce((n, e) => n + (e.size ?? 0), 0);
  let done = 0;
  const evidenceFiles = new Map<string, PackedFile>();
  for (const e of files) {
    if (signal.aborted) throw new DOMException('The export was cancelled.', 'AbortError');
    const blob = await evidenceBlob(db, e.sha256!);
    if (!blob) throw new Error(`${e.id}: the stored file is missing. Run the integrity check in Evidence.`);
    const path = evidencePath(e);
    // Stored, not compressed: evidence is mostly PDFs and images, which do not shrink.
    const entry = new ZipPassThrough(path);
    zip.add(entry);
    const hasher = await createSHA256();
    hasher.init();
    for await (const chunk of chunksOf(blob)) {
      hasher.update(chunk);
      entry.push(chunk);
      done += chunk.length;
      onProgress(done, total);
    }
    entry.push(new Uint8Array(0), true);
    const sha256 = hasher.digest('hex');
    if (sha256 !== e.sha256)
      throw new Error(`${e.id}: the stored file no longer matches the hash recorded when it was added. Nothing was saved.`);
    const file = { path, sha256, size: blob.size };
    evidenceFiles.set(e.id, file);
    packed.push(file);
  }
  const { records, log } = await workbookForBundle(db);
  const logFiles = changeLogPackageFiles({
    records,
    log,
    assessmentId: snapshot.assessment.id,
    generatedAt: snapshot.generatedAt,
    documents: documents.map((d) => d.name),
    evidenceFiles: evidenceFiles.size,
  });
  for (const file of logFiles) {
    const bytes = new TextEncoder().encode(file.text);
    const entry = new ZipDeflate(file.path, { level: 6 });
    zip.add(entry);
    entry.push(bytes, true);
    packed.push({ path: file.path, sha256: sha256Hex(bytes), size: bytes.length });
  }
  const manifest = new TextEncoder().encode(packageManifest(snapshot, packed.slice(0, documents.length), evidenceFiles));
  const manifestEntry = new ZipDeflate('manifest.json', { level: 6 });
  zip.add(manifestEntry);
  manifestEntry.push(manifest, true);
  packed.push({ path: 'manifest.json', sha256: sha256Hex(manifest), size: manifest.length });
  const sums = new ZipDeflate('manifest-sha256.txt', { level: 6 });
  zip.add(sums);
  sums.push(new TextEncoder().encode(sha256Manifest(packed)), true);
  zip.end();
  if (failure) throw failure;
  return sink.blob();
}
