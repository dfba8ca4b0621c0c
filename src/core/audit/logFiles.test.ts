import { describe, expect, it } from 'vitest';
import { bundleText } from '../bundle/build';
import { EMPTY_RECORDS } from '../bundle/contents';
import { chainEntry, type AuditContent, type AuditEntry } from './chain';
import { changeLogCsv, changeLogJsonl, csvCell, logFileChunks, verifyLogText } from './logFiles';
import { logNames } from './logView';

function chain(contents: Omit<AuditContent, 'seq'>[]): AuditEntry[] {
  const log: AuditEntry[] = [];
  for (const c of contents) log.push(chainEntry(log.at(-1), c));
  return log;
}

const log = chain([
  {
    at: '2026-03-01T09:00:00.000Z',
    actor: 'Ana Ruiz',
    entity: 'assessment',
    id: 'a1',
    change: { op: 'create', after: { id: 'a1', name: 'Plant A' } },
  },
  {
    at: '2026-03-02T10:00:00.000Z',
    actor: 'Zoë Ångström',
    entity: 'response',
    id: 'a1|ORG 1.1',
    change: { op: 'update', before: { narrative: 'Old, "quoted"' }, after: { narrative: '=HYPERLINK("http://x")' } },
  },
  {
    at: '2026-03-03T11:00:00.000Z',
    actor: 'Ana Ruiz',
    entity: 'assessment',
    id: 'a1',
    change: { op: 'update', before: { status: 'signed-off' }, after: { status: 'draft' }, reason: 'Reopened\nfor the audit' },
  },
]);

/** A small RFC 4180 reader, enough to read back what the writer wrote. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i += 1;
    } else cell += ch;
  }
  return rows;
}

describe('the change log as CSV', () => {
  it('defuses cells a spreadsheet would run as formulas and quotes as RFC 4180 asks', () => {
    for (const start of ['=', '+', '-', '@', '\t', '\r']) expect(csvCell(`${start}1`).replace(/^"/, '')).toMatch(/^'/);
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
  });

  it('writes one row per entry with person, record, fields, before, after, reason and hash', () => {
    const text = changeLogCsv(log, logNames({}, log));
    expect(text.startsWith('\uFEFF')).toBe(true);
    const rows = parseCsv(text.slice(1));
    expect(rows[0]).toEqual([
      'Seq',
      'Time (UTC)',
      'Person',
      'Record kind',
      'Record ID',
      'Assessment',
      'Requirement',
      'Operation',
      'Fields changed',
      'Before',
      'After',
      'Reason',
      'Entry hash',
    ]);
    expect(rows).toHaveLength(4);
    expect(rows[2]).toEqual([
      '2',
      '2026-03-02 10:00:00',
      'Zoë Ångström',
      'Response',
      'a1|ORG 1.1',
      'Plant A',
      'ORG 1.1',
      'changed',
      'How it is implemented',
      'Old, "quoted"',
      `'=HYPERLINK("http://x")`,
      '',
      log[1]!.hash,
    ]);
    expect(rows[3]!.slice(7, 12)).toEqual(['changed', 'Status', 'signed off', 'draft', 'Reopened\nfor the audit']);
    expect(rows[1]!.slice(7, 9)).toEqual(['created', 'Created']);
  });
});

describe('the change log as JSON lines, and checking it', () => {
  it('writes the same text a bundle carries, one stored entry per line', () => {
    const text = changeLogJsonl(log);
    const bundle = bundleText(
      { app: { name: 'x', version: '1' }, createdAt: log[0]!.at, records: EMPTY_RECORDS, log },
      { kind: 'workbook' },
    );
    expect(text).toBe(bundle.log);
    expect(
      text
        .split('\n')
        .slice(0, -1)
        .map((l) => JSON.parse(l) as unknown),
    ).toEqual(log);
  });

  it('passes an intact log with its count, times and head', () => {
    expect(verifyLogText(changeLogJsonl(log))).toEqual({
      ok: true,
      count: 3,
      withheld: 0,
      head: log[2]!.hash,
      first: log[0]!.at,
      last: log[2]!.at,
    });
    expect(verifyLogText('')).toMatchObject({ ok: true, count: 0 });
  });

  it('names the entry that was altered, removed or moved', () => {
    const lines = changeLogJsonl(log).split('\n');
    const altered = [lines[0], lines[1]!.replace('Old, ', 'Olde, '), lines[2]].join('\n');
    expect(verifyLogText(altered)).toMatchObject({ ok: false, broken: true, seq: 2, problem: expect.stringMatching(/entry 2: .*changed/) });
    const removed = [lines[0], lines[2]].join('\n');
    expect(verifyLogText(removed)).toMatchObject({ ok: false, seq: 2, problem: expect.stringMatching(/entry 2 is missing/) });
    const swapped = [lines[0], lines[2], lines[1]].join('\n');
    expect(verifyLogText(swapped)).toMatchObject({ ok: false, seq: 2, problem: expect.stringMatching(/entry 2 is out of order/) });
    const garbled = [lines[0], lines[1]!.slice(0, -3), lines[2]].join('\n');
    expect(verifyLogText(garbled)).toMatchObject({
      ok: false,
      broken: true,
      seq: 2,
      problem: expect.stringMatching(/entry 2 cannot be read/),
    });
  });

  it('refuses text it cannot check: an overlong line, or a nesting deeper than a log entry has', () => {
    expect(verifyLogText(`${'x'.repeat(2 * 1024 * 1024 + 1)}\n`)).toMatchObject({ ok: false, broken: false });
    const deep = JSON.stringify({ ...log[0], change: { op: 'create', after: JSON.parse('['.repeat(40) + ']'.repeat(40)) as unknown } });
    expect(verifyLogText(deep)).toMatchObject({ ok: false, seq: 1, problem: expect.stringMatching(/entry 1 cannot be read/) });
  });

  it('accepts withheld entries only when asked', () => {
    const withheld = [{ seq: 1, withheld: true, prevHash: log[0]!.prevHash, hash: log[0]!.hash }, log[1], log[2]]
      .map((e) => JSON.stringify(e))
      .join('\n');
    expect(verifyLogText(withheld)).toMatchObject({ ok: false, seq: 1 });
    expect(verifyLogText(withheld, { allowWithheld: true })).toMatchObject({ ok: true, count: 3, withheld: 1 });
  });
});

describe('the log files a piece at a time', () => {
  const names = logNames({ assessments: [{ id: 'a1', name: 'Plant A' }] });
  const joined = (kind: 'csv' | 'jsonl', entries: AuditEntry[], rows: number) =>
    [...logFileChunks(kind, entries, names, rows)].map((c) => c.text).join('');

  it('gives exactly the whole file once its pieces are joined, whatever the piece size', () => {
    for (const rows of [1, 2, 3, 100]) {
      expect(joined('jsonl', log, rows)).toBe(changeLogJsonl(log));
      expect(joined('csv', log, rows)).toBe(changeLogCsv(log, names));
    }
    const csv = joined('csv', log, 2);
    expect(csv.startsWith('\uFEFFSeq,')).toBe(true);
    expect(csv.split('\r\n').filter(Boolean)).toHaveLength(1 + log.length);
  });

  it('counts the entries written so far with each piece', () => {
    expect([...logFileChunks('csv', log, names, 2)].map((c) => c.done)).toEqual([2, 3]);
  });

  it('writes the header alone for no entries, and nothing for JSON lines', () => {
    expect(joined('csv', [], 10)).toBe(changeLogCsv([], names));
    expect(joined('jsonl', [], 10)).toBe('');
  });
});
