/**
 * The golden text of a document: what python-docx reads, with generated times masked, compared with a
 * file in test/fixtures/golden. UPDATE_GOLDEN=1 rewrites the file instead (review the diff, then commit).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { DocxText } from './readDocx';

export const GOLDEN_DIR = path.resolve(import.meta.dirname, '../../fixtures/golden');

export function goldenText(doc: DocxText): string {
  const lines = [...doc.headers.map((h) => `[header] ${h}`), ...doc.blocks, ...doc.footers.map((f) => `[footer] ${f}`)];
  return `${lines
    .join('\n')
    // IDs, dates and sizes are kept whole with non-breaking spaces and hyphens; the golden text reads them plain.
    .replace(/\u00a0/g, ' ')
    .replace(/\u2011/g, '-')
    .replace(/\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z| UTC)?/g, '<date-time>')
    .replace(/[ \t]+$/gm, '')}\n`;
}

/** Null when the text matches (or was just written); otherwise a message with the first differing line. */
export function compareGolden(name: string, actual: string): string | null {
  const file = path.join(GOLDEN_DIR, name);
  if (process.env.UPDATE_GOLDEN === '1') {
    writeFileSync(file, actual);
    return null;
  }
  if (!existsSync(file)) return `${file} does not exist: run UPDATE_GOLDEN=1 npx vitest run test/integration/documents.test.ts`;
  const expected = readFileSync(file, 'utf8');
  if (expected === actual) return null;
  const a = actual.split('\n');
  const e = expected.split('\n');
  const line = a.findIndex((text, i) => text !== e[i]);
  const at = line === -1 ? a.length : line;
  return (
    `the text differs from ${path.relative(process.cwd(), file)} at line ${at + 1}:\n` +
    `  expected: ${JSON.stringify(e[at] ?? '<end>')}\n  actual:   ${JSON.stringify(a[at] ?? '<end>')}\n` +
    `(${e.length} lines expected, ${a.length} actual). If the change is intended: UPDATE_GOLDEN=1 npx vitest run test/integration/documents.test.ts`
  );
}
