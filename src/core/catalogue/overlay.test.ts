import { describe, expect, it } from 'vitest';
import { loadCatalogue } from './load';
import { indexCatalogue } from './lookup';
import { capErrors, overlaySizeProblem, parseOverlay, withOverlay, type OverlayEntry } from './overlay';
import { manifest, validSpe } from '../../../test/fixtures/testCatalogue';

const loaded = loadCatalogue(manifest, [validSpe]);
if (!loaded.ok) throw new Error(loaded.errors.join('\n'));
const index = indexCatalogue(loaded.catalogue);
const ids = new Set(index.requirements.map((r) => r.id));

const errorsOf = (name: string, text: string) => {
  const outcome = parseOverlay(name, text, ids);
  return outcome.ok ? [] : outcome.errors;
};

describe('parseOverlay', () => {
  it('reads a CSV with id, text and title columns, matching IDs loosely', () => {
    const csv =
      'Requirement ID,Official text,Official title\r\nnet 1.1,"Official wording, with a comma",Official title\r\nNET  1.2,Second text,\r\n';
    expect(parseOverlay('licensed.csv', csv, ids)).toEqual({
      ok: true,
      value: {
        entries: [
          { id: 'NET 1.1', text: 'Official wording, with a comma', title: 'Official title' },
          { id: 'NET 1.2', text: 'Second text' },
        ],
        unknownIds: [],
      },
    });
  });

  it('reads JSON, as a list or under "requirements"', () => {
    const list = JSON.stringify([{ id: 'NET 1.1', text: 'A' }]);
    const wrapped = JSON.stringify({ requirements: [{ id: 'NET 1.2', text: 'B', title: 'T' }] });
    expect(parseOverlay('a.json', list, ids)).toMatchObject({ ok: true, value: { entries: [{ id: 'NET 1.1', text: 'A' }] } });
    expect(parseOverlay('b.json', wrapped, ids)).toMatchObject({ ok: true, value: { entries: [{ id: 'NET 1.2', title: 'T' }] } });
  });

  it('reports IDs the catalogue does not know instead of dropping them silently', () => {
    const csv = 'id,text\nNET 1.1,A\nNET 9.9,B\nORG 1.1,C\n';
    expect(parseOverlay('x.csv', csv, ids)).toMatchObject({
      ok: true,
      value: { entries: [{ id: 'NET 1.1' }], unknownIds: ['NET 9.9', 'ORG 1.1'] },
    });
  });

  it.each([
    ['x.csv', 'id,text\nNET 1.1,\n', 'x.csv: row 2: text must not be empty'],
    ['x.csv', 'id,text\nNET 1.1,A\nnet 1.1,B\n', 'x.csv: row 3: NET 1.1 appears more than once'],
    [
      'x.csv',
      'code,wording\nNET 1.1,A\n',
      'x.csv: unknown column "code", unknown column "wording": use the columns id, text and (optionally) title',
    ],
    ['x.json', '{"id": ', 'x.json: the file is not valid JSON'],
    ['x.json', '[{"id": "NET 1.1", "text": "A", "secret": 1}]', 'x.json: entry 1: unknown field secret'],
    ['x.json', '{"a": 1}', 'x.json: expected a list of {id, text, title} objects, or {"requirements": [...]}'],
    ['x.csv', '', 'x.csv: the first line must name the columns id and text (and optionally title)'],
  ])('rejects %s with a clear message: %j', (name, text, message) => {
    const outcome = parseOverlay(name, text, ids);
    expect(outcome.ok).toBe(false);
    expect(outcome.ok ? [] : outcome.errors).toContain(message);
  });

  it('refuses files beyond the size and row caps', () => {
    expect(parseOverlay('big.csv', 'x'.repeat(5_000_001), ids)).toEqual({ ok: false, errors: ['big.csv: the file is larger than 5 MB'] });
    const rows = Array.from({ length: 2001 }, (_, i) => `ID ${i},t`).join('\n');
    expect(parseOverlay('many.csv', `id,text\n${rows}`, ids)).toMatchObject({
      ok: false,
      errors: [expect.stringContaining('2001 rows')],
    });
  });

  it('refuses a 5 MB file with millions of columns in one short sentence', () => {
    const text = `id,text${',x'.repeat(2_495_000)}\nNET 1.1,A\n`;
    expect(text.length).toBeLessThanOrEqual(5_000_000);
    const errors = errorsOf('wide.csv', text);
    expect(errors).toEqual(['wide.csv: line 1 has more than 10 columns; use the columns id, text and (optionally) title']);
    expect(errors.join('\n').length).toBeLessThan(1_000);
  });

  it('refuses a data row with too many columns, while commas inside quotes are text', () => {
    const quoted = `id,text\nNET 1.1,"${'a, '.repeat(50)}"\n`;
    expect(parseOverlay('quoted.csv', quoted, ids)).toMatchObject({ ok: true, value: { entries: [{ id: 'NET 1.1' }] } });
    expect(errorsOf('wide.csv', `id,text\nNET 1.1,A\nNET 1.2,B${',x'.repeat(9)}\n`)).toEqual([
      'wide.csv: line 3 has more than 10 columns; use the columns id, text and (optionally) title',
    ]);
  });

  it('refuses a line longer than 100,000 characters', () => {
    const errors = errorsOf('long.csv', `id,text\nNET 1.1,${'a'.repeat(200_000)}\n`);
    expect(errors).toEqual(["long.csv: line 2 is longer than 100000 characters; each line holds one requirement's id, text and title"]);
  });

  it('reads a semicolon-separated file, as European spreadsheets write it', () => {
    expect(parseOverlay('semi.csv', 'id;text;title\nNET 1.1;Wording, with a comma;T\n', ids)).toMatchObject({
      ok: true,
      value: { entries: [{ id: 'NET 1.1', text: 'Wording, with a comma', title: 'T' }] },
    });
  });

  it.each(['__proto__', 'constructor', 'prototype'])('refuses %s as a CSV column name with a clear message', (name) => {
    expect(errorsOf('x.csv', `id,text,${name}\nNET 1.1,A,B\n`)).toEqual([
      `x.csv: the column name "${name}" is not allowed; use the columns id, text and (optionally) title`,
    ]);
  });

  it.each(['__proto__', 'constructor', 'prototype'])('refuses %s as a JSON key with a clear message', (key) => {
    expect(errorsOf('x.json', `[{"id": "NET 1.1", "text": "A", "${key}": {"polluted": 1}}]`)).toEqual([
      `x.json: the field name "${key}" in [0] is not allowed; rename or remove it`,
    ]);
    expect(errorsOf('x.json', `{"${key}": [], "requirements": []}`)).toEqual([
      `x.json: the field name "${key}" is not allowed; rename or remove it`,
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses JSON nested deeper than an overlay can be', () => {
    expect(errorsOf('deep.json', `[{"id": "NET 1.1", "text": ${'['.repeat(50_000)}${']'.repeat(50_000)}}]`)).toEqual([
      expect.stringMatching(/^deep\.json: the data is nested more than 8 levels deep/),
    ]);
  });

  it('shows at most ten problems, each shortened, and counts the rest', () => {
    const rows = Array.from({ length: 30 }, (_, i) => `NET 1.${i},`).join('\n');
    const errors = errorsOf('empty.csv', `id,text\n${rows}\n`);
    expect(errors).toHaveLength(11);
    expect(errors.at(-1)).toBe('and 20 more problems');
    const long = capErrors([`x.csv: unknown column "${'c'.repeat(10_000)}"`]);
    expect(long[0]!.length).toBe(300);
    expect(long[0]!.endsWith('…')).toBe(true);
  });

  it('refuses a file over 5 MB from its size, before its text is read', () => {
    expect(overlaySizeProblem('big.csv', 5_000_001)).toBe('big.csv: the file is larger than 5 MB');
    expect(overlaySizeProblem('ok.csv', 5_000_000)).toBeNull();
  });
});

describe('withOverlay', () => {
  it('shows the official text beside the own intent, and leaves others as they are', () => {
    const requirement = index.requirement('NET 1.1')!;
    const overlay = new Map<string, OverlayEntry>([['NET 1.1', { id: 'NET 1.1', text: 'Official', title: 'Official title' }]]);
    expect(withOverlay(requirement, overlay)).toMatchObject({
      intent: requirement.intent,
      official: { text: 'Official', title: 'Official title' },
    });
    expect(withOverlay(index.requirement('NET 1.2')!, overlay)).not.toHaveProperty('official');
  });
});
