/** Reads .docx files back through python-docx (read_docx.py), an OOXML reader independent of ours. */
import path from 'node:path';
import { PROGRAM_TIMEOUT_MS } from '../timeouts';
import { PYTHON, run } from './tools';

export interface DocxText {
  headings: { style: string; text: string }[];
  /** Body paragraphs and table rows in document order; headings prefixed "# ", "## " …, the title "= ". */
  blocks: string[];
  headers: string[];
  footers: string[];
}

const SCRIPT = path.join(import.meta.dirname, 'read_docx.py');

export async function readDocx(files: readonly string[]): Promise<Map<string, DocxText>> {
  const { stdout } = await run(PYTHON, [SCRIPT, ...files], PROGRAM_TIMEOUT_MS);
  const parsed = JSON.parse(stdout) as Record<string, DocxText>;
  return new Map(files.map((f) => [f, plain(parsed[f]!)]));
}

/** Kept-whole IDs read with plain spaces and hyphens, and headings by their titles without their computed numbers. */
function plain(doc: DocxText): DocxText {
  const text = (t: string) => t.replace(/\u00a0/g, ' ').replace(/\u2011/g, '-');
  return {
    headings: doc.headings.map((h) => ({ ...h, text: text(h.text).replace(/^\d+(?:\.\d+)* {2}/, '') })),
    blocks: doc.blocks.map(text),
    headers: doc.headers.map(text),
    footers: doc.footers.map(text),
  };
}

/** All the text, whitespace folded to single spaces. */
export function flatText(doc: DocxText): string {
  return [...doc.blocks, ...doc.headers, ...doc.footers].join('\n').replace(/\s+/g, ' ');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** IDs (such as "ORG 1.1") that do not occur as whole IDs: "ORG 1.10" does not count for "ORG 1.1". */
export function missingIds(text: string, ids: readonly string[]): string[] {
  return ids.filter((id) => !new RegExp(`(?<![\\w.])${escapeRegExp(id).replace(/ /g, '\\s+')}(?![\\w]|\\.\\d)`).test(text));
}
