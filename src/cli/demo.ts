/**
 * `csms demo`: the sample workbook to try the other commands on: as a workbook bundle (--out x.csmsx),
 * or as a snapshot file of its records (--out x.json, or standard output).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { writeBundle } from '../core/bundle/bundle';
import { sampleBundle } from '../core/sample/sampleBundle';
import { sampleSnapshot } from '../core/snapshot/sampleSnapshot';
import { parseArgs } from './args';
import { bytesSource, writeFileThrough } from './bundleFiles';
import { CONTENT_DIR, loadCatalogueDir } from './content';
import { InputError } from './errors';
import { writeFileAtomic } from './files';
import { recordsOf } from './snapshotSchema';
import { nodeSha256 } from './nodeSha256';

export const SAMPLE_CATALOGUE = 'iec-62443-2-1-2024';

export function appInfo(): { name: string; version: string } {
  const pkg = JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../../package.json'), 'utf8')) as {
    productName?: string;
    version?: string;
  };
  return { name: pkg.productName ?? 'CSMS Workbook', version: pkg.version ?? '0.0.0' };
}

export async function runDemo(argv: readonly string[], stdout: (text: string) => void): Promise<void> {
  const args = parseArgs('demo', argv, { out: 'value' });
  if (args.positionals.length) throw new InputError(`demo: unexpected argument ${args.positionals[0]} (see csms --help)`);
  const catalogue = loadCatalogueDir(path.join(CONTENT_DIR, SAMPLE_CATALOGUE));
  const out = args.values.get('out');
  if (out !== undefined && /\.csmsx$/i.test(out)) {
    const { input, files } = sampleBundle(catalogue, new Date(), appInfo());
    const written = await writeFileThrough(out, (sink) =>
      writeBundle(sink, input, { kind: 'workbook' }, (sha256) => bytesSource(files.get(sha256)!), undefined, nodeSha256),
    );
    stdout(`Wrote the sample workbook bundle to ${out} (${written.files} files, change log of ${written.logCount} entries)\n`);
    return;
  }
  const { snapshot } = sampleSnapshot(catalogue, new Date(), appInfo());
  // Records only: scores and the change-log verdict are computed by whoever reads the file.
  const json = `${JSON.stringify(recordsOf(snapshot), null, 2)}\n`;
  if (out === undefined) return stdout(json);
  writeFileAtomic(out, json);
  stdout(`Wrote the sample workbook snapshot to ${out}\n`);
}
