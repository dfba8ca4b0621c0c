/**
 * Writing and reading a whole bundle: the one entry point for the app, the command line and backups.
 * See format.ts for what a bundle is and verify.ts for what reading it checks.
 */
import { sha256Hex, type Sha256Factory } from '../hashing/sha256';
import { bundlePaths, bundleText, type BundleInput } from './build';
import { BUNDLE_PATHS, evidenceEntryName, type BundleScope } from './format';
import { manifestText } from './manifest';
import { verifyBundle, type VerifiedBundle } from './verify';
import { readZip, writeZip, type ByteSink, type ByteSource, type FileToWrite, type ReadZipOptions } from './zip';

export interface WriteProgress {
  path: string;
  /** Bytes of the files written so far, and of all of them. */
  done: number;
  total: number;
}

export interface WrittenBundle {
  logCount: number;
  logHead: string;
  files: number;
}

/** Writes the bundle into the sink, one file at a time; evidence is read from `evidence` by hash. */
export async function writeBundle(
  sink: ByteSink,
  input: BundleInput,
  scope: BundleScope,
  evidence: (sha256: string) => ByteSource | Promise<ByteSource>,
  onProgress?: (progress: WriteProgress) => void,
  sha256?: Sha256Factory,
): Promise<WrittenBundle> {
  const text = bundleText(input, scope);
  const encoder = new TextEncoder();
  const hashes = new Map<string, string>();
  const texts: Record<string, string> = {
    [BUNDLE_PATHS.header]: text.header,
    [BUNDLE_PATHS.records]: text.records,
    [BUNDLE_PATHS.log]: text.log,
  };
  for (const [path, content] of Object.entries(texts)) hashes.set(path, sha256Hex(encoder.encode(content)));
  for (const sha of text.evidence.keys()) hashes.set(evidenceEntryName(sha), sha);
  texts[BUNDLE_PATHS.manifest] = manifestText(hashes);

  const total = [...text.evidence.values()].reduce((n, s) => n + s, 0) + Object.values(texts).reduce((n, t) => n + t.length, 0);
  let done = 0;
  const files: FileToWrite[] = [];
  for (const path of bundlePaths(text)) {
    if (path in texts) files.push({ path, text: texts[path]! });
    else {
      const sha = path.slice(BUNDLE_PATHS.evidenceDir.length);
      files.push({ path, source: await evidence(sha), sha256: sha });
    }
  }
  await writeZip(
    sink,
    files,
    (path, bytes) => {
      done += bytes;
      onProgress?.({ path, done, total });
    },
    sha256,
  );
  const header = JSON.parse(text.header) as { log: { count: number; head: string } };
  return { logCount: header.log.count, logHead: header.log.head, files: files.length };
}

/** Reads and checks a bundle; evidence bytes go to the caller's sinks as they are verified. */
export async function readBundle(source: ByteSource, options: ReadZipOptions & { now: string }): Promise<VerifiedBundle> {
  const contents = await readZip(source, options);
  return verifyBundle(contents, options.now);
}

export { BundleError, type ByteSink, type ByteSource, type EvidenceSink } from './zip';
export type { VerifiedBundle } from './verify';
