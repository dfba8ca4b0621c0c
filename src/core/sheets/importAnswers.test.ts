import { describe, expect, it } from 'vitest';
import type { Catalogue } from '../catalogue/types';
import type { Response } from '../records/model';
import { cellText } from './cells';
import { previewAnswersImport, type ImportContext } from './importAnswers';
import { readAnswersCsv } from './importAnswersCsv';
import { ImportRefused, type RawCell, type RawTable } from './importAnswersTable';

const requirement = (id: string) => ({ id, title: `Title of ${id}` });
// Only the tree matters to the import: SPEs → elements → requirements.
const catalogue = {
  spes: [
    { id: 'ORG', elements: [{ id: 'ORG 1', requirements: [requirement('ORG 1.1'), requirement('ORG 1.2'), requirement('ORG 1.3')] }] },
    { id: 'NET', elements: [{ id: 'NET 1', requirements: [requirement('NET 1.1')] }] },
  ],
} as unknown as Catalogue;

function answer(requirementId: string, fields: Partial<Response> = {}): Response {
  return {
    assessmentId: 'a1',
    requirementId,
    applicable: true,
    justification: '',
    targetLevel: null,
    achievedLevel: 2,
    narrative: 'We keep a register.',
    gaps: '',
    reviewStatus: 'none',
    reviewComment: '',
    carriedOver: false,
    updatedAt: '2026-01-01T00:00:00.000Z',
    updatedBy: '',
    ...fields,
  };
}

const context = (responses: Response[] = [answer('ORG 1.1')]): ImportContext => ({
  catalogue,
  assessment: { scope: ['ORG'], defaultTargetLevel: 2 },
  responses: new Map(responses.map((r) => [r.requirementId, r])),
});

const table = (headers: string[], ...rows: RawCell[][]): RawTable => ({
  source: 'Answers',
  headers,
  rows: rows.map((cells, i) => ({ line: i + 2, cells })),
});

describe('the answers import preview', () => {
  it('sorts rows into new, changed, unchanged and rejected, with before and after of each change', () => {
    const preview = previewAnswersImport(
      table(
        ['Requirement ID', 'Achieved', 'Narrative'],
        ['ORG 1.1', 'ML3', 'We keep a register.'],
        ['ORG 1.2', 'ML1', 'Started this year.'],
        ['ORG 1.3', '', ''],
        ['XYZ 9.9', 'ML2', ''],
      ),
      context(),
    );
    expect(preview.counts).toEqual({ new: 1, changed: 1, unchanged: 1, rejected: 1 });
    const [changed, added] = preview.rows;
    expect(changed!.status).toBe('changed');
    expect(changed!.changes).toEqual([{ field: 'achieved', label: 'Achieved', before: 'ML2', after: 'ML3' }]);
    expect(changed!.patch).toEqual({ achievedLevel: 3 });
    expect(changed!.expected).toEqual({ achievedLevel: 2 });
    expect(added!.status).toBe('new');
    expect(added!.patch).toEqual({ narrative: 'Started this year.', achievedLevel: 1 });
  });

  it('changes only the fields whose columns the sheet has', () => {
    const stored = answer('ORG 1.1', { justification: 'kept', narrative: 'kept too', gaps: 'also kept', targetLevel: 3 });
    const preview = previewAnswersImport(table(['Requirement ID', 'Achieved'], ['ORG 1.1', 'ML4']), context([stored]));
    expect(preview.columns).toEqual(['achieved']);
    expect(preview.rows[0]!.patch).toEqual({ achievedLevel: 4 });
  });

  it('reads an empty target as the assessment default and keeps an effective default unchanged', () => {
    const following = answer('ORG 1.1', { targetLevel: null });
    expect(previewAnswersImport(table(['Requirement ID', 'Target'], ['ORG 1.1', 'ML2']), context([following])).rows[0]!.status).toBe(
      'unchanged',
    );
    const own = answer('ORG 1.1', { targetLevel: 4 });
    const reset = previewAnswersImport(table(['Requirement ID', 'Target'], ['ORG 1.1', '']), context([own])).rows[0]!;
    expect(reset.patch).toEqual({ targetLevel: null });
    expect(reset.changes[0]!.after).toBe("ML2 (the assessment's default)");
  });

  it('ignores the empty levels the export writes for a requirement that does not apply', () => {
    const na = answer('ORG 1.1', { applicable: false, justification: 'No such systems.', achievedLevel: 1, targetLevel: 3 });
    const row = ['ORG 1.1', 'No', 'No such systems.', '', ''];
    const preview = previewAnswersImport(
      table(['Requirement ID', 'Applicable', 'Justification', 'Target', 'Achieved'], row),
      context([na]),
    );
    expect(preview.rows[0]!.status).toBe('unchanged');
  });

  it('treats the export’s cleaned or cut-short copy of a stored text as unchanged, and refuses an edited cut text', () => {
    const long = 'x'.repeat(40_000);
    const stored = answer('ORG 1.1', { narrative: long, gaps: 'line one\r\nline two' });
    const exported = cellText(long);
    expect(exported).toMatch(/truncated, 40,000 characters/);
    const same = previewAnswersImport(
      table(['Requirement ID', 'Narrative', 'Gaps'], ['ORG 1.1', exported, 'line one\nline two']),
      context([stored]),
    );
    expect(same.rows[0]!.status).toBe('unchanged');
    const edited = previewAnswersImport(table(['Requirement ID', 'Narrative'], ['ORG 1.1', `Edited ${exported}`]), context([stored]));
    expect(edited.rows[0]!.reason).toMatch(/cut short/);
  });

  it.each([
    [['ORG 1.1', 'ML5'], /not ML0 to ML4/],
    [['ORG 1.1', 'high'], /not ML0 to ML4/],
    [['NET 1.1', 'ML2'], /outside the assessment’s scope \(NET/],
    [['NOPE 1', 'ML2'], /no requirement with this ID/],
    [['', 'ML2'], /no requirement ID/],
    [['ORG 1.1', { unreadable: 'formula' }], /formula/],
    [['ORG 1.1', { unreadable: 'error' }], /error value/],
  ] as [RawCell[], RegExp][])('rejects %j with a reason', (row, reason) => {
    const preview = previewAnswersImport(table(['Requirement ID', 'Achieved'], row), context());
    expect(preview.rows[0]!.status).toBe('rejected');
    expect(preview.rows[0]!.reason).toMatch(reason);
    expect(preview.rows[0]!.patch).toEqual({});
  });

  it('rejects a target of ML0, an applicability that is not yes or no, and text over its limit', () => {
    const rows = (headers: string[], row: RawCell[]) =>
      previewAnswersImport(table(['Requirement ID', ...headers], row), context()).rows[0]!;
    expect(rows(['Target'], ['ORG 1.1', 'ML0']).reason).toMatch(/not ML1 to ML4/);
    expect(rows(['Applicable'], ['ORG 1.1', 'maybe']).reason).toBe('Applicable must be Yes or No');
    expect(rows(['Justification'], ['ORG 1.1', 'j'.repeat(10_001)]).reason).toMatch(/Justification is longer than 10,000/);
    expect(rows(['Justification'], ['ORG 1.1', 'j'.repeat(10_000)]).status).toBe('changed');
  });

  it('rejects a requirement marked not applicable without a justification', () => {
    const rejected = previewAnswersImport(table(['Requirement ID', 'Applicable'], ['ORG 1.1', 'No']), context()).rows[0]!;
    expect(rejected.reason).toMatch(/needs a justification/);
    const accepted = previewAnswersImport(
      table(['Requirement ID', 'Applicable', 'Justification'], ['ORG 1.1', 'no', 'Not on this site.']),
      context(),
    ).rows[0]!;
    expect(accepted.patch).toEqual({ applicable: false, justification: 'Not on this site.' });
  });

  it('rejects every row of a requirement that appears twice, since which one is meant cannot be told', () => {
    const preview = previewAnswersImport(
      table(['Requirement ID', 'Achieved'], ['ORG 1.1', 'ML3'], ['org  1.1', 'ML4'], ['ORG 1.2', 'ML1']),
      context(),
    );
    expect(preview.rows.map((r) => r.status)).toEqual(['rejected', 'rejected', 'new']);
    expect(preview.rows[0]!.reason).toBe('the requirement is on more than one row (rows 2, 3)');
  });

  it('refuses a header row with a property name, a repeated column, no ID or nothing to import', () => {
    for (const [headers, message] of [
      [['Requirement ID', '__proto__', 'Achieved'], /"__proto__"/],
      [['Requirement ID', ' Constructor ', 'Achieved'], /"Constructor"/],
      [['Requirement ID', 'Achieved', 'achieved'], /Two columns/],
      [['Achieved'], /no "Requirement ID"/],
      [['Requirement ID', 'Title', 'Gap'], /none of the columns/],
    ] as [string[], RegExp][]) {
      expect(() => previewAnswersImport(table(headers, ['ORG 1.1', 'ML3', 'ML3']), context())).toThrow(ImportRefused);
      expect(() => previewAnswersImport(table(headers, ['ORG 1.1', 'ML3', 'ML3']), context())).toThrow(message);
    }
  });

  it('reads the export’s CSV: marking line skipped, one guarding apostrophe removed, line breaks kept', () => {
    const csv =
      '\uFEFFMarking: TLP:AMBER\r\nRequirement ID,Achieved,Narrative,Gaps\r\n' +
      `ORG 1.1,ML3,"'=HYPERLINK(""x"")",'-5 left\r\nORG 1.2,ML1,"two\r\nlines",''=x\r\nORG 1.3,ML1,x,'plain\r\n`;
    const read = readAnswersCsv(csv, 'answers.csv');
    expect(read.headers).toEqual(['Requirement ID', 'Achieved', 'Narrative', 'Gaps']);
    expect(read.rows[0]).toEqual({ line: 3, cells: ['ORG 1.1', 'ML3', '=HYPERLINK("x")', '-5 left'] });
    // Only an apostrophe right before a formula character is the export's; any other is the text's own.
    expect(read.rows[1]).toEqual({ line: 4, cells: ['ORG 1.2', 'ML1', 'two\nlines', "''=x"] });
    expect(read.rows[2]!.cells).toEqual(['ORG 1.3', 'ML1', 'x', "'plain"]);
    const preview = previewAnswersImport(read, context());
    expect(preview.rows[0]!.patch).toEqual({ achievedLevel: 3, narrative: '=HYPERLINK("x")', gaps: '-5 left' });
  });

  it('reads a template CSV saved with semicolons and no marking line', () => {
    const read = readAnswersCsv('requirement id;achieved\nORG 1.2;2\n', 't.csv');
    expect(previewAnswersImport(read, context()).rows[0]!.patch).toEqual({ achievedLevel: 2 });
  });

  it('refuses a CSV past its caps, and an unclosed quote, with a plain sentence', () => {
    expect(() => readAnswersCsv(`Requirement ID,Achieved\n${'ORG 1.1,ML1\n'.repeat(5_001)}`, 'x.csv')).toThrow('more than 5,000 rows');
    expect(() => readAnswersCsv(`Requirement ID${',x'.repeat(64)}\n`, 'x.csv')).toThrow('more than 64 columns');
    expect(() => readAnswersCsv(`Requirement ID,Narrative\nORG 1.1,${'y'.repeat(300_001)}\n`, 'x.csv')).toThrow(/Line 2 is longer/);
    expect(() => readAnswersCsv('Requirement ID,Narrative\nORG 1.1,"open\n', 'x.csv')).toThrow('never closed');
  });

  it('never sets a property of a row object from a header (rows are cells by position)', () => {
    const read = readAnswersCsv('Requirement ID,Achieved,__proto__\nORG 1.1,ML1,{"polluted":1}\n', 'x.csv');
    expect(() => previewAnswersImport(read, context())).toThrow(ImportRefused);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
