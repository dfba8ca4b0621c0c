/**
 * `csms demo`: the sample workbook to try the other commands on: as a workbook bundle (--out x.csmsx),
 * or as a snapshot file of its records (--out x.json, or standard output). With --evidence N it writes
 * a synthetic workbook of that size instead, for load tests (see core/sample/synthetic.ts).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { writeBundle } from '../core/bundle/bundle';
import type { BundleInput } from '../core/bundle/build';
import type { Catalogue } from '../core/catalogue/types';
import { sampleBundle } from '../core/sample/sampleBundle';
import { syntheticBundle, syntheticSnapshot, type SyntheticOptions } from '../core/sample/synthetic';
import { sampleSnapshot } from '../core/snapshot/sampleSnapshot';
import type { WorkbookSnapshot } from '../core/snapshot/snapshot';
import { parseArgs, type ParsedArgs } from './args';
import { bytesSource, writeFileThrough } from './bundleFiles';
import { CONTENT_DIR, loadCatalogueDir } from './content';
import { InputError } from './errors';
import { writeFileAtomic } from './files';
import { recordsOf, SNAPSHOT_LIMITS } from './snapshotSchema';
import { nodeSha256 } from './nodeSha256';

export const SAMPLE_CATALOGUE = 'iec-62443-2-1-2024';

export function appInfo(): { name: string; version: string } {
  const pkg = JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../../package.json'), 'utf8')) as {
    productName?: string;
    version?: string;
  };
  return { name: pkg.productName ?? 'CSMS Workbook', version: pkg.version ?? '0.0.0' };
}

/** A whole number flag within 0..max, or undefined when not given. */
function countFlag(args: ParsedArgs, flag: string, min: number, max: number): number | undefined {
  const text = args.values.get(flag);
  if (text === undefined) return undefined;
  const value = /^\d{1,9}$/.test(text) ? Number(text) : NaN;
  if (!(value >= min && value <= max))
    throw new InputError(`demo: --${flag} must be a whole number from ${min} to ${max.toLocaleString('en')}, not "${text}"`);
  return value;
}

/**
 * The synthetic workbook's size from the flags, within what a snapshot file may hold (so whatever
 * demo writes, report can read); undefined without --evidence.
 */
export function syntheticOptions(args: ParsedArgs): SyntheticOptions | undefined {
  const evidence = countFlag(args, 'evidence', 1, SNAPSHOT_LIMITS.evidence);
  const links = countFlag(args, 'links', 1, SNAPSHOT_LIMITS.links);
  const actions = countFlag(args, 'actions', 0, SNAPSHOT_LIMITS.actions);
  const seed = countFlag(args, 'seed', 0, 2 ** 31 - 1);
  if (evidence === undefined) {
    if (links !== undefined || actions !== undefined || seed !== undefined)
      throw new InputError('demo: --links, --actions and --seed go with --evidence N');
    return undefined;
  }
  const defaultLinks = Math.min(evidence * 3, SNAPSHOT_LIMITS.links);
  const options = { evidence, links: links ?? Math.max(evidence, defaultLinks), ...(actions !== undefined ? { actions } : {}) };
  if (options.links < evidence) throw new InputError(`demo: --links must be at least --evidence (${evidence}): every item is linked`);
  return seed !== undefined ? { ...options, seed } : options;
}

function describe(options: SyntheticOptions | undefined): string {
  return options ? `a synthetic workbook (${options.evidence} evidence items, ${options.links} links)` : 'the sample workbook';
}

function bundleOf(catalogue: Catalogue, options: SyntheticOptions | undefined): { input: BundleInput; files: Map<string, Uint8Array> } {
  const now = new Date();
  if (!options) return sampleBundle(catalogue, now, appInfo());
  try {
    return syntheticBundle(catalogue, now, appInfo(), options);
  } catch (error) {
    if (error instanceof RangeError) throw new InputError(`demo: ${error.message}`);
    throw error;
  }
}

function snapshotOf(catalogue: Catalogue, options: SyntheticOptions | undefined): WorkbookSnapshot {
  const now = new Date();
  if (!options) return sampleSnapshot(catalogue, now, appInfo()).snapshot;
  try {
    return syntheticSnapshot(catalogue, now, appInfo(), options);
  } catch (error) {
    if (error instanceof RangeError) throw new InputError(`demo: ${error.message}`);
    throw error;
  }
}

export async function runDemo(argv: readonly string[], stdout: (text: string) => void): Promise<void> {
  const args = parseArgs('demo', argv, { out: 'value', evidence: 'value', links: 'value', actions: 'value', seed: 'value' });
  if (args.positionals.length) throw new InputError(`demo: unexpected argument ${args.positionals[0]} (see csms --help)`);
  const options = syntheticOptions(args);
  const catalogue = loadCatalogueDir(path.join(CONTENT_DIR, SAMPLE_CATALOGUE));
  const out = args.values.get('out');
  if (out !== undefined && /\.csmsx$/i.test(out)) {
    const { input, files } = bundleOf(catalogue, options);
    const written = await writeFileThrough(out, (sink) =>
      writeBundle(sink, input, { kind: 'workbook' }, (sha256) => bytesSource(files.get(sha256)!), undefined, nodeSha256),
    );
    stdout(`Wrote ${describe(options)} bundle to ${out} (${written.files} files, change log of ${written.logCount} entries)\n`);
    return;
  }
  const snapshot = snapshotOf(catalogue, options);
  // Records only: scores and the change-log verdict are computed by whoever reads the file.
  const json = `${JSON.stringify(recordsOf(snapshot), null, 2)}\n`;
  if (out === undefined) return stdout(json);
  writeFileAtomic(out, json);
  stdout(`Wrote ${describe(options)} snapshot to ${out}\n`);
}
