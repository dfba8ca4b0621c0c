/**
 * `csms bundle verify <file>`: every check an import makes, nothing written. Exit 0 only for an intact
 * bundle whose change log vouches for its records, with one summary line; otherwise the first problem.
 */
import type { VerifiedBundle } from '../core/bundle/bundle';
import type { BundleRecords } from '../core/bundle/contents';
import { BUNDLE_FORMAT_VERSION } from '../core/bundle/format';
import { parseArgs } from './args';
import type { EvidenceStore } from './bundleFiles';
import { withBundle } from './bundleInput';
import { InputError } from './errors';

const KINDS: [keyof BundleRecords, string, string][] = [
  ['sites', 'site', 'sites'],
  ['people', 'person', 'people'],
  ['assessments', 'assessment', 'assessments'],
  ['responses', 'answer', 'answers'],
  ['evidence', 'evidence item', 'evidence items'],
  ['links', 'evidence link', 'evidence links'],
  ['actions', 'action', 'actions'],
  ['settings', 'setting', 'settings'],
  ['overlays', 'licensed text', 'licensed texts'],
  ['reviews', 'review', 'reviews'],
];

const count = (n: number, one: string, many: string) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

function summary(file: string, bundle: VerifiedBundle, evidence: EvidenceStore): string {
  const { header, records } = bundle;
  const format = bundle.upgradedFrom ? `format ${bundle.upgradedFrom}, read as ${BUNDLE_FORMAT_VERSION}` : `format ${header.format}`;
  const scope = header.scope.kind === 'workbook' ? 'the whole workbook' : `one assessment (${header.scope.assessmentId})`;
  const kinds = [
    count(records.organization ? 1 : 0, 'organization', 'organizations'),
    ...KINDS.map(([key, one, many]) => count((records[key] as unknown[]).length, one, many)),
  ];
  const bytes = [...evidence.files.values()].reduce((n, size) => n + size, 0);
  return (
    `${file}: intact bundle, ${format}, ${scope}; records: ${kinds.join(', ')}; ` +
    `change log: ${count(header.log.count, 'entry', 'entries')}, head ${header.log.head}; ` +
    `evidence: ${count(evidence.files.size, 'file', 'files')}, ${count(bytes, 'byte', 'bytes')}\n`
  );
}

async function verify(argv: readonly string[], stdout: (text: string) => void): Promise<void> {
  const args = parseArgs('bundle verify', argv, {});
  const [file, ...extra] = args.positionals;
  if (file === undefined) throw new InputError('bundle verify: name the bundle file, e.g. csms bundle verify workbook.csmsx');
  if (extra.length) throw new InputError(`bundle verify: unexpected argument ${extra[0]} (one bundle at a time)`);
  const refusal = (problem: string) => `bundle verify: ${file}: ${problem}`;
  try {
    await withBundle(file, { keep: false, refusal }, ({ bundle, evidence }) => {
      // An import refuses a bundle whose log does not vouch for its records, and so does verify.
      if (bundle.logProblem) throw new InputError(refusal(bundle.logProblem));
      stdout(summary(file, bundle, evidence));
      return Promise.resolve();
    });
  } catch (error) {
    // The file could not be opened: said as the other refusals are.
    if (error instanceof InputError && !error.message.startsWith('bundle verify: '))
      throw new InputError(`bundle verify: ${error.message}`);
    throw error;
  }
}

const SUBCOMMANDS: Record<string, typeof verify> = { verify };

export async function runBundle(argv: readonly string[], stdout: (text: string) => void): Promise<void> {
  const [sub, ...rest] = argv;
  const run = sub === undefined ? undefined : SUBCOMMANDS[sub];
  if (!run) {
    const named = sub === undefined ? 'name a subcommand' : `unknown subcommand "${sub}"`;
    throw new InputError(`bundle: ${named} (subcommands: ${Object.keys(SUBCOMMANDS).join(', ')}; see csms --help)`);
  }
  await run(rest, stdout);
}
