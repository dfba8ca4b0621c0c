/**
 * A command's use of a bundle file: opened, read and checked by core (readBundle), closed, and its
 * evidence counted or kept until the command is done with it; whatever was kept goes at the end,
 * also when the bundle is refused. A refusal is one line naming the first problem.
 */
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { BundleError, readBundle, type VerifiedBundle } from '../core/bundle/bundle';
import { countingEvidence, keptEvidence, openFileSource, type EvidenceStore } from './bundleFiles';
import { fsInputError, InputError } from './errors';
import { nodeSha256 } from './nodeSha256';

export interface OpenedBundle {
  bundle: VerifiedBundle;
  evidence: EvidenceStore;
}

export interface BundleUse {
  /** Keep each verified evidence file (to pack it), or only check and count it. */
  keep: boolean;
  /** The line a refusal prints, from core's clause (e.g. `<file> is not a valid bundle: <problem>`). */
  refusal: (problem: string) => string;
}

export async function withBundle<T>(file: string, how: BundleUse, use: (opened: OpenedBundle) => Promise<T>): Promise<T> {
  const evidence = how.keep ? await keptEvidence() : countingEvidence();
  try {
    const source = await openFileSource(file);
    let bundle: VerifiedBundle;
    try {
      bundle = await readBundle(source, {
        evidence: (sha256, size) => evidence.evidence(sha256, size),
        now: new Date().toISOString(),
        sha256: nodeSha256,
      });
    } catch (error) {
      // Our own disk failing while keeping evidence is not the bundle's fault.
      if (evidence.failure()) fsInputError(evidence.failure(), tmpdir(), 'keep the evidence files there');
      if (error instanceof BundleError) throw new InputError(how.refusal(error.message));
      fsInputError(error, file, 'read it');
    } finally {
      await source.close();
    }
    return await use({ bundle, evidence });
  } finally {
    await evidence.dispose();
  }
}

const ZIP_SIGNATURES = ['504b0304', '504b0506'];

/**
 * Whether a command's input is a bundle: by its name (.csmsx, or .json for a snapshot), otherwise by the
 * zip signature at its start. Anything unclear is left to the snapshot reader, which says what is wrong.
 */
export function isBundleFile(file: string): boolean {
  if (/\.csmsx$/i.test(file)) return true;
  if (/\.json$/i.test(file)) return false;
  let fd: number | null = null;
  try {
    fd = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    if (!fstatSync(fd).isFile()) return false;
    const head = Buffer.alloc(4);
    return readSync(fd, head, 0, 4, 0) === 4 && ZIP_SIGNATURES.includes(head.toString('hex'));
  } catch {
    return false;
  } finally {
    if (fd !== null) closeSync(fd);
  }
}

/** Said on stderr when a bundle's log does not vouch for its records: the documents are still written, saying so. */
export function noteUnvouched(file: string, problem: string | null): void {
  if (problem)
    process.stderr.write(`csms: note: ${file}: ${problem.replace(/\.$/, '')}; the documents say the change log is not verified\n`);
}
