/** `csms demo`: the sample workbook as a snapshot file (its records), to try the report command on. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { sampleSnapshot } from '../core/snapshot/sampleSnapshot';
import { parseArgs } from './args';
import { CONTENT_DIR, loadCatalogueDir } from './content';
import { InputError } from './errors';
import { writeFileAtomic } from './files';
import { recordsOf } from './snapshotSchema';

export const SAMPLE_CATALOGUE = 'iec-62443-2-1-2024';

export function appInfo(): { name: string; version: string } {
  const pkg = JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../../package.json'), 'utf8')) as {
    productName?: string;
    version?: string;
  };
  return { name: pkg.productName ?? 'CSMS Workbook', version: pkg.version ?? '0.0.0' };
}

export function runDemo(argv: readonly string[], stdout: (text: string) => void): void {
  const args = parseArgs('demo', argv, { out: 'value' });
  if (args.positionals.length) throw new InputError(`demo: unexpected argument ${args.positionals[0]} (see csms --help)`);
  const catalogue = loadCatalogueDir(path.join(CONTENT_DIR, SAMPLE_CATALOGUE));
  const { snapshot } = sampleSnapshot(catalogue, new Date(), appInfo());
  // Records only: scores and the change-log verdict are computed by whoever reads the file.
  const json = `${JSON.stringify(recordsOf(snapshot), null, 2)}\n`;
  const out = args.values.get('out');
  if (out === undefined) return stdout(json);
  writeFileAtomic(out, json);
  stdout(`Wrote the sample workbook snapshot to ${out}\n`);
}
