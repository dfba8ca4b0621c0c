/**
 * The sample's four documents as LibreOffice lays them out: the contents' page numbers are the pages
 * the headings land on, a very long cell runs on across pages to its last words, and no ID, date or
 * size is split across two lines.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_DIR, loadCatalogueDir } from '../../src/cli/content';
import { buildDocument, DOCUMENT_KINDS, packDocument, type DocumentKind } from '../../src/core/documents/build';
import { exactBytes } from '../../src/core/documents/register';
import { findingsOf } from '../../src/core/findings/findings';
import { isExpired } from '../../src/core/rules/rules';
import { sampleSnapshot } from '../../src/core/snapshot/sampleSnapshot';
import type { WorkbookSnapshot } from '../../src/core/snapshot/snapshot';
import { convertToPdf } from './docx/pdf';
import { PDFTOTEXT, requireTools, run } from './docx/tools';

process.env.TZ = 'UTC';
const NOW = new Date('2026-06-15T09:00:00Z');
const CLOSING = 'and these are the closing words of the very long note';

/** About 22,000 characters of note, ending in words a cut-off cell would lose. */
function longNote(): string {
  const words: string[] = [];
  for (let i = 1; words.join(' ').length < 21_900; i++) words.push(`entry${String(i).padStart(4, '0')} checked`);
  return `${words.join(' ')} ${CLOSING}`;
}

/** The sample with one more evidence item: a note of 22,000 characters linked to the first requirement answered. */
function withLongNote(snapshot: WorkbookSnapshot): WorkbookSnapshot {
  const note = longNote();
  const requirementId = snapshot.responses[0]!.requirementId;
  const evidence = { ...snapshot.evidence.find((e) => e.kind === 'note')!, id: 'EV-0099', title: 'Long walk-down log', note };
  const link = { ...snapshot.links[0]!, id: 'link-long-note', evidenceId: 'EV-0099', requirementId };
  return { ...snapshot, evidence: [...snapshot.evidence, evidence], links: [...snapshot.links, link] };
}

const normal = (text: string) =>
  text
    .replace(/\u2011/g, '-')
    .replace(/\u00a0/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

let tmp: string;
let snapshot: WorkbookSnapshot;
const docx = {} as Record<DocumentKind, string>;
const pages = {} as Record<DocumentKind, string[]>;
const flowing = {} as Record<DocumentKind, string>;

beforeAll(async () => {
  await requireTools();
  tmp = mkdtempSync(path.join(tmpdir(), 'csms-layout-'));
  const catalogue = loadCatalogueDir(path.join(CONTENT_DIR, 'iec-62443-2-1-2024'));
  snapshot = withLongNote(sampleSnapshot(catalogue, NOW).snapshot);
  for (const kind of DOCUMENT_KINDS) {
    docx[kind] = path.join(tmp, `${kind}.docx`);
    writeFileSync(docx[kind], await packDocument(buildDocument(snapshot, kind, { pageNumbers: true })));
  }
  const pdfs = await convertToPdf(
    DOCUMENT_KINDS.map((k) => docx[k]),
    tmp,
  );
  for (const [i, kind] of DOCUMENT_KINDS.entries()) {
    pages[kind] = (await run(PDFTOTEXT, ['-layout', '-enc', 'UTF-8', pdfs[i]!, '-'])).stdout.split('\f');
    flowing[kind] = (await run(PDFTOTEXT, ['-enc', 'UTF-8', pdfs[i]!, '-'])).stdout;
  }
});

afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

interface ContentsLine {
  title: string;
  page: number;
}

/** The contents as printed: each entry's title (wrapped lines joined) and the page number after its dot leaders. */
function printedContents(report: string[]): ContentsLine[] {
  const start = report.findIndex((p) => /^\s*Contents\s*$/m.test(p));
  const lines = report
    .slice(start, start + 4)
    .join('\n')
    .split('\n');
  const entries: ContentsLine[] = [];
  let pending = '';
  for (const line of lines.slice(lines.findIndex((l) => /Select an entry/.test(l)) + 1)) {
    if (/^\s*Contents\s*$/.test(line) || /Assessment report\s+\S+$/.test(line) || /Page \d+ of \d+/.test(line)) continue;
    const entry = /^\s*(.*?)\.{3,}\s*(\d+)\s*$/.exec(line);
    if (entry) {
      entries.push({ title: normal(`${pending} ${entry[1]}`), page: Number(entry[2]) });
      pending = '';
    } else if (line.trim()) {
      // An entry too long for one line wraps before its leaders; an unrelated line ends the contents.
      if (pending) break;
      pending = line;
    }
    if (/^\s*\d+ Executive summary/.test(line) && entries.length > 30) break;
  }
  return entries;
}

describe('the report’s contents, as LibreOffice prints it', () => {
  it('gives for every entry the page its heading is on', () => {
    const contents = printedContents(pages.report);
    const xml = strFromU8(unzipSync(readFileSync(docx.report))['word/document.xml']!);
    const headings = [...xml.matchAll(/<w:pStyle w:val="Heading[12]"\/>(?:(?!<\/w:p>).)*w:name="h\d+"/g)].length;
    expect(contents.length).toBe(headings);
    for (const { title, page } of contents) {
      const printed = normal(pages.report[page - 1] ?? '');
      expect(printed, `"${title}" on page ${page}`).toContain(title);
    }
    // What Word shows before it lays the document out itself: the numbers written into the file.
    const written = [...xml.matchAll(/PAGEREF h\d+<\/w:instrText><w:fldChar w:fldCharType="separate"\/><w:t[^>]*>(\d+)</g)].map((m) =>
      Number(m[1]),
    );
    const differ = contents.filter((c, i) => written[i] !== c.page);
    console.info(
      `contents: ${contents.length} entries; written page numbers differ from LibreOffice's on ${differ.length}, by at most ${Math.max(0, ...contents.map((c, i) => Math.abs((written[i] ?? 0) - c.page)))} pages`,
    );
    expect(written.length).toBe(contents.length);
  });
});

describe('a note of 22,000 characters', () => {
  /** Whether the note's last entry and then its closing words are printed, in order; a page break may fall between them. */
  function endsWhole(text: string): boolean {
    const words = normal(text).split(' ');
    const last = longNote().split(' ');
    const start = words.indexOf(last[last.length - CLOSING.split(' ').length - 2]!);
    if (start < 0) return false;
    // In order and close together: a page break may put a running header and footer between them.
    let at = start;
    for (const word of CLOSING.split(' ')) {
      at = words.indexOf(word, at + 1);
      if (at < 0 || at - start > 80) return false;
    }
    return true;
  }

  it('is printed to its last words in the register and in the report', () => {
    expect(normal(flowing.register)).toContain('entry0001 checked');
    expect(endsWhole(flowing.register)).toBe(true);
    expect(endsWhole(flowing.report)).toBe(true);
    // The check itself fails on text that lost the last words.
    expect(endsWhole(normal(flowing.register).replace(CLOSING, ''))).toBe(false);
  });
});

describe('IDs, dates and sizes', () => {
  /** The tokens each document prints in its tables, which a line must never split. */
  function tokens(kind: DocumentKind): string[] {
    const requirements = snapshot.responses.map((r) => r.requirementId);
    const evidence = snapshot.evidence.map((e) => e.id);
    const sizes = snapshot.evidence.flatMap((e) => (e.size !== undefined ? [exactBytes(e.size)] : []));
    const collected = snapshot.evidence.flatMap((e) => (e.collectedOn ? [e.collectedOn.slice(0, 10)] : []));
    const due = snapshot.actions.flatMap((a) => (a.dueDate ? [a.dueDate.slice(0, 10), a.requirementId] : []));
    return {
      report: [...requirements, ...evidence, ...sizes],
      soa: requirements,
      plan: due,
      register: [...evidence, ...sizes, ...collected],
    }[kind];
  }

  it.each(DOCUMENT_KINDS)('are never split across two lines in the %s', (kind) => {
    // Non-breaking spaces and hyphens read as plain ones; a line break stays a line break.
    const text = flowing[kind].replace(/\u00a0/g, ' ').replace(/\u2011/g, '-');
    const expected = [...new Set(tokens(kind))];
    expect(expected.length).toBeGreaterThan(4);
    const split = expected.filter((t) => !new RegExp(`(^|[^\\w-])${t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w-])`, 'm').test(text));
    expect(split, kind).toEqual([]);
  });
});

describe('the sample report as an auditor reads it, printed by LibreOffice', () => {
  it('shows numbered chapters, every finding by its ID, the system and the conduct, and evidence validity per requirement', () => {
    const text = normal(flowing.report);
    for (const chapter of ['Findings', 'System under consideration', 'Assessment conduct', 'Overall conclusion', 'Management statement'])
      expect(text, chapter).toMatch(new RegExp(`\\b\\d+ ${chapter}\\b`));
    const findings = findingsOf(snapshot);
    expect(findings.length).toBeGreaterThan(0);
    for (const f of findings) expect(text, f.id).toContain(f.id);
    for (const zone of snapshot.assessment.conduct?.zones ?? []) expect(text).toContain(normal(zone.name));
    // Each requirement citing expired evidence says so beside its answer, with the day it expired.
    const expired = snapshot.evidence.filter((e) => isExpired(e, snapshot.today));
    expect(expired.length).toBeGreaterThan(0);
    for (const e of expired) expect(text).toContain(`${e.id} (expired ${e.expiresOn})`);
    expect(text).toContain('Evidence: valid (');
    expect(text).toContain('Evidence: none linked');
  });
});
