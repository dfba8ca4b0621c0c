/** `csms sheet`: the results of one assessment as an .xlsx workbook or as CSV files. */
import { mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { buildSheets, workbookFileName, type SheetSet } from '../core/sheets/build';
import { csvFiles, csvZip } from '../core/sheets/csv';
import { sheetInputsOf } from '../core/sheets/inputs';
import { packWorkbook } from '../core/sheets/xlsx';
import type { WorkbookSnapshot } from '../core/snapshot/snapshot';
import { parseArgs } from './args';
import { isBundleFile, noteUnvouched, withBundle } from './bundleInput';
import { chooseAssessment, snapshotFromBundle } from './bundleSnapshot';
import { appInfo } from './demo';
import { fsInputError, InputError } from './errors';
import { readSnapshotFile, writeFileAtomic } from './files';
import { cliMarking } from './report';

const FLAGS = { out: 'value', format: 'value', marking: 'value', assessment: 'value' } as const;

function isDirectory(file: string): boolean {
  try {
    return statSync(file).isDirectory();
  } catch {
    return false;
  }
}

function ensureFolder(dir: string): void {
  if (isDirectory(dir)) return;
  try {
    mkdirSync(dir, { recursive: true });
  } catch (error) {
    fsInputError(error, dir, 'create the folder');
  }
}

async function readInput(input: string, wanted: string | undefined): Promise<WorkbookSnapshot> {
  if (!isBundleFile(input)) {
    const snapshot = readSnapshotFile(input);
    if (wanted !== undefined && wanted !== snapshot.assessment.id)
      throw new InputError(`sheet: ${input} holds the assessment ${snapshot.assessment.id}, not ${wanted}`);
    return snapshot;
  }
  return withBundle(input, { keep: false, refusal: (problem) => `${input} is not a valid bundle: ${problem}` }, ({ bundle }) => {
    const assessment = chooseAssessment(bundle.records, input, wanted, 'sheet');
    noteUnvouched(input, bundle.logProblem);
    return Promise.resolve(
      snapshotFromBundle(bundle, assessment, { file: input, command: 'sheet', includeLicensedText: false, app: appInfo() }),
    );
  });
}

/** The files to write: one .xlsx; a .zip of CSV files; or the CSV files one by one into a folder. */
async function outputs(
  set: SheetSet,
  snapshot: WorkbookSnapshot,
  format: string,
  out: string | undefined,
): Promise<[string, Uint8Array][]> {
  if (format === 'xlsx') {
    if (out !== undefined && !isDirectory(out) && !/\.xlsx$/i.test(out))
      throw new InputError(`sheet: --out ${out}: the file name must end in .xlsx, or name a folder`);
    const file = out === undefined || isDirectory(out) ? path.join(out ?? '.', workbookFileName(set)) : out;
    const author = snapshot.preparedBy?.name || snapshot.app.name;
    return [[file, await packWorkbook(set, { author, generatedAt: snapshot.generatedAt })]];
  }
  if (out !== undefined && /\.zip$/i.test(out)) return [[out, csvZip(set).bytes]];
  const dir = out ?? '.';
  ensureFolder(dir);
  return csvFiles(set).map((f) => [path.join(dir, f.name), f.bytes]);
}

export async function runSheet(argv: readonly string[], stdout: (text: string) => void): Promise<void> {
  const args = parseArgs('sheet', argv, FLAGS);
  const [input, ...extra] = args.positionals;
  if (input === undefined)
    throw new InputError('sheet: name the bundle or snapshot file, e.g. csms sheet workbook.csmsx --out results.xlsx');
  if (extra.length) throw new InputError(`sheet: unexpected argument ${extra[0]} (one bundle or snapshot file at a time)`);
  const format = args.values.get('format') ?? 'xlsx';
  if (format !== 'xlsx' && format !== 'csv') throw new InputError(`sheet: --format must be xlsx or csv, not "${format}"`);
  const snapshot = await readInput(input, args.values.get('assessment'));
  const classification = cliMarking(snapshot, args.values.get('marking'), 'sheet');
  const set = buildSheets(snapshot, sheetInputsOf(snapshot), { classification });
  for (const [file, bytes] of await outputs(set, snapshot, format, args.values.get('out'))) {
    writeFileAtomic(file, bytes);
    stdout(`Wrote ${file}\n`);
  }
}
