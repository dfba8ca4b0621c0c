import { describe, expect, it } from 'vitest';
import { loadCatalogue } from './load';
import { indexCatalogue } from './lookup';
import { parseOverlay, withOverlay, type OverlayEntry } from './overlay';
import { manifest, validSpe } from './testCatalogue';

const loaded = loadCatalogue(manifest, [validSpe]);
if (!loaded.ok) throw new Error(loaded.errors.join('\n'));
const index = indexCatalogue(loaded.catalogue);

describe('parseOverlay', () => {
  it('reads a CSV with id, text and title columns, matching IDs loosely', () => {
    const csv =
      'Requirement ID,Official text,Official title\r\nnet 1.1,"Official wording, with a comma",Official title\r\nNET  1.2,Second text,\r\n';
    expect(parseOverlay('licensed.csv', csv, index)).toEqual({
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
    expect(parseOverlay('a.json', list, index)).toMatchObject({ ok: true, value: { entries: [{ id: 'NET 1.1', text: 'A' }] } });
    expect(parseOverlay('b.json', wrapped, index)).toMatchObject({ ok: true, value: { entries: [{ id: 'NET 1.2', title: 'T' }] } });
  });

  it('reports IDs the catalogue does not know instead of dropping them silently', () => {
    const csv = 'id,text\nNET 1.1,A\nNET 9.9,B\nORG 1.1,C\n';
    expect(parseOverlay('x.csv', csv, index)).toMatchObject({
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
    const outcome = parseOverlay(name, text, index);
    expect(outcome.ok).toBe(false);
    expect(outcome.ok ? [] : outcome.errors).toContain(message);
  });

  it('refuses files beyond the size and row caps', () => {
    expect(parseOverlay('big.csv', 'x'.repeat(5_000_001), index)).toEqual({ ok: false, errors: ['big.csv: the file is larger than 5 MB'] });
    const rows = Array.from({ length: 2001 }, (_, i) => `ID ${i},t`).join('\n');
    expect(parseOverlay('many.csv', `id,text\n${rows}`, index)).toMatchObject({
      ok: false,
      errors: [expect.stringContaining('2001 rows')],
    });
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
