/** `csms report`: Word documents from a workbook bundle or a snapshot file. */
import { randomBytes } from 'node:crypto';
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
import { chooseMarking, MARKING_MAX } from '../core/documents/marking';
import { exportControl, formatExportId, isRevision } from '../core/documents/control';
import { documentLimitProblem } from '../core/documents/limits';
import type { WorkbookSnapshot } from '../core/snapshot/snapshot';
import { DOCUMENT_FLAGS, parseArgs, type ParsedArgs } from './args';
import { isBundleFile, noteUnvouched, withBundle } from './bundleInput';
import { chooseAssessment, snapshotFromBundle } from './bundleSnapshot';
import { appInfo } from './demo';
import { fsInputError, InputError } from './errors';
import { readSnapshotFile, writeFileAtomic } from './files';

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

export const MARKING_PROBLEMS = {
  invisible: '--marking has nothing visible in it; write a marking such as --marking TLP:AMBER',
  'too-long': `--marking must be 1 to ${MARKING_MAX} visible characters`,
  missing: 'the workbook has no classification marking; give the one the documents carry with --marking, e.g. --marking TLP:AMBER',
} as const;

/** The marking --marking names, else the organization's; refused in one line when nothing visible is left. */
export function cliMarking(snapshot: WorkbookSnapshot, marking: string | undefined, command: string): string {
  // An explicit empty --marking is a mistake (an unset variable, say), not a request for the organization's.
  if (marking === '') throw new InputError(`${command}: ${MARKING_PROBLEMS.invisible}`);
  const choice = chooseMarking(marking, snapshot.organization.classification);
  if ('problem' in choice) throw new InputError(`${command}: ${MARKING_PROBLEMS[choice.problem]}`);
  return choice.marking;
}

/**
 * The revision printed on the documents: --revision N, else 1. A snapshot file or bundle does not count
 * exports (the app does, in its own workbook), so a script that re-exports says which revision it is.
 */
export function parseRevision(value: string | undefined): number {
  if (value === undefined) return 1;
  const revision = /^\d{1,9}$/.test(value) ? Number(value) : NaN;
  if (!isRevision(revision)) throw new InputError(`report: --revision must be a whole number from 1, not "${value.slice(0, 40)}"`);
  return revision;
}

export function documentOptions(
  snapshot: WorkbookSnapshot,
  switches: Set<string>,
  marking: string | undefined,
  command: 'report' | 'package' = 'report',
  revision?: string,
): Partial<DocumentOptions> {
  const classification = cliMarking(snapshot, marking, command);
  const licensed = switches.has('licensed-text');
  if (licensed && !snapshot.licensedText?.length) {
    throw new InputError(
      'report: --licensed-text: the snapshot holds no licensed text (export it from the app with the official text included)',
    );
  }
  // One export ID and one digest for every document this run writes.
  const control = exportControl(snapshot, { revision: parseRevision(revision), exportId: formatExportId(randomBytes(5)) });
  return {
    control,
    includeReviewerComments: switches.has('comments'),
    includeLicensedText: licensed,
    // The report's contents get their page numbers written in, so Word shows them as LibreOffice does.
    pageNumbers: true,
    // Without --marking: the organization's own classification, as the app does.
    classification,
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
  // Refused before any folder or file is made: a partly written set would look complete.
  const tooLarge = documentLimitProblem(snapshot);
  if (tooLarge) throw new InputError(tooLarge);
  const options = documentOptions(snapshot, args.switches, args.values.get('marking'), 'report', args.values.get('revision'));
  for (const [kind, file] of targets(snapshot, kinds, args.values.get('out'))) {
    const bytes = await packDocument(buildDocument(snapshot, kind, options));
    writeFileAtomic(file, bytes);
    stdout(`Wrote ${file}\n`);
  }
  const { control } = options;
  if (control) stdout(`Export ${control.exportId}, revision ${control.revision}, records digest ${control.digest}\n`);
}
