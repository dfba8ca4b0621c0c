/** `csms report`: Word documents from a workbook bundle or a snapshot file. */
import { mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import {
  buildDocument,
  documentFileName,
  DOCUMENT_KINDS,
  packDocument,
  type DocumentKind,
  type DocumentOptions,
} from '../core/documents/build';
import type { WorkbookSnapshot } from '../core/snapshot/snapshot';
import { DOCUMENT_FLAGS, parseArgs, type ParsedArgs } from './args';
import { isBundleFile, noteUnvouched, withBundle } from './bundleInput';
import { chooseAssessment, snapshotFromBundle } from './bundleSnapshot';
import { appInfo } from './demo';
import { fsInputError, InputError } from './errors';
import { readSnapshotFile, writeFileAtomic } from './files';

const MARKING_MAX = 40;

function isDirectory(file: string): boolean {
  try {
    return statSync(file).isDirectory();
  } catch {
    return false;
  }
}

export function parseKinds(doc: string | undefined): DocumentKind[] | 'all' {
  if (doc === undefined) return ['report'];
  if (doc === 'all') return 'all';
  if ((DOCUMENT_KINDS as readonly string[]).includes(doc)) return [doc as DocumentKind];
  throw new InputError(`report: --doc must be one of ${[...DOCUMENT_KINDS, 'all'].join(', ')}, not "${doc}"`);
}

export function documentOptions(snapshot: WorkbookSnapshot, switches: Set<string>, marking: string | undefined): Partial<DocumentOptions> {
  if (marking !== undefined && (marking.trim() === '' || marking.length > MARKING_MAX || /[\p{Cc}]/u.test(marking))) {
    throw new InputError(`report: --marking must be 1 to ${MARKING_MAX} printable characters`);
  }
  const licensed = switches.has('licensed-text');
  if (licensed && !snapshot.licensedText?.length) {
    throw new InputError(
      'report: --licensed-text: the snapshot holds no licensed text (export it from the app with the official text included)',
    );
  }
  return {
    includeReviewerComments: switches.has('comments'),
    includeLicensedText: licensed,
    // The report's contents get their page numbers written in, so Word shows them as LibreOffice does.
    pageNumbers: true,
    // Without --marking the builder prints the organization's own classification.
    ...(marking !== undefined ? { classification: marking.trim() } : {}),
  };
}

/** Where each document goes: --out as the file, or as the folder for --doc all or an existing folder. */
function targets(snapshot: WorkbookSnapshot, kinds: DocumentKind[] | 'all', out: string | undefined): [DocumentKind, string][] {
  if (kinds === 'all') {
    const dir = out ?? '.';
    if (!isDirectory(dir)) {
      try {
        mkdirSync(dir, { recursive: true });
      } catch (error) {
        fsInputError(error, dir, 'create the folder');
      }
    }
    return DOCUMENT_KINDS.map((kind) => [kind, path.join(dir, documentFileName(snapshot, kind))]);
  }
  const kind = kinds[0]!;
  if (out === undefined || isDirectory(out)) return [[kind, path.join(out ?? '.', documentFileName(snapshot, kind))]];
  if (!/\.docx$/i.test(out)) throw new InputError(`report: --out ${out}: the file name must end in .docx`);
  return [[kind, out]];
}

/** The snapshot of one assessment: from a bundle's records, or from a snapshot file as before. */
async function readInput(input: string, args: ParsedArgs): Promise<WorkbookSnapshot> {
  const wanted = args.values.get('assessment');
  if (!isBundleFile(input)) {
    const snapshot = readSnapshotFile(input);
    if (wanted !== undefined && wanted !== snapshot.assessment.id)
      throw new InputError(`report: ${input} holds the assessment ${snapshot.assessment.id}, not ${wanted}`);
    return snapshot;
  }
  return withBundle(input, { keep: false, refusal: (problem) => `${input} is not a valid bundle: ${problem}` }, ({ bundle }) => {
    const assessment = chooseAssessment(bundle.records, input, wanted, 'report');
    noteUnvouched(input, bundle.logProblem);
    const options = { file: input, command: 'report', includeLicensedText: args.switches.has('licensed-text'), app: appInfo() };
    return Promise.resolve(snapshotFromBundle(bundle, assessment, options));
  });
}

export async function runReport(argv: readonly string[], stdout: (text: string) => void): Promise<void> {
  const args = parseArgs('report', argv, DOCUMENT_FLAGS);
  const [input, ...extra] = args.positionals;
  if (input === undefined)
    throw new InputError('report: name the bundle or snapshot file, e.g. csms report workbook.csmsx --out report.docx');
  if (extra.length) throw new InputError(`report: unexpected argument ${extra[0]} (one bundle or snapshot file at a time)`);
  const kinds = parseKinds(args.values.get('doc'));
  const snapshot = await readInput(input, args);
  const options = documentOptions(snapshot, args.switches, args.values.get('marking'));
  for (const [kind, file] of targets(snapshot, kinds, args.values.get('out'))) {
    const bytes = await packDocument(buildDocument(snapshot, kind, options));
    writeFileAtomic(file, bytes);
    stdout(`Wrote ${file}\n`);
  }
}
