import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { catalogue2024 } from '../../../test/fixtures/catalogues';
import { sampleSnapshot } from '../snapshot/sampleSnapshot';
import type { WorkbookSnapshot } from '../snapshot/snapshot';
import {
  buildDocument,
  DOCUMENT_KINDS,
  DOCUMENT_TITLES,
  documentFileName,
  packDocument,
  type DocumentKind,
  type DocumentOptions,
} from './build';
import { plainXml } from '../../../test/fixtures/docxText';

const catalogue = catalogue2024();
const { snapshot } = sampleSnapshot(catalogue, new Date('2026-06-15T09:00:00Z'));

type Parts = Record<string, string>;

async function unpack(s: WorkbookSnapshot, kind: DocumentKind, options: Partial<DocumentOptions> = {}): Promise<Parts> {
  const bytes = await packDocument(buildDocument(s, kind, options));
  expect(bytes).toBeInstanceOf(Uint8Array);
  const files = unzipSync(bytes);
  return Object.fromEntries(Object.entries(files).map(([name, data]) => [name, name.endsWith('.xlsx') ? '' : strFromU8(data)]));
}

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
/** The text of a document part, runs joined, so words split across runs are found. */
const textOf = (xml: string) => [...plainXml(xml).matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
const headingsOf = (xml: string, level: number) =>
  [...xml.matchAll(new RegExp(`<w:p>(?:(?!</w:p>).)*?<w:pStyle w:val="Heading${level}"/>((?:(?!</w:p>).)*)</w:p>`, 'g'))].map((m) =>
    textOf(m[1]!),
  );
const partsNamed = (parts: Parts, pattern: RegExp) => Object.keys(parts).filter((n) => pattern.test(n));
// eslint-disable-next-line no-control-regex -- looking for exactly these
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/;

const inScope = catalogue.spes
  .filter((s) => snapshot.assessment.scope.includes(s.id))
  .flatMap((s) => s.elements.flatMap((e) => e.requirements));
const fileEvidence = snapshot.evidence.filter((e) => e.kind === 'file');

describe('the four documents', () => {
  const docs = {} as Record<DocumentKind, Parts>;
  beforeAll(async () => {
    for (const kind of DOCUMENT_KINDS) docs[kind] = await unpack(snapshot, kind);
  });

  it.each(DOCUMENT_KINDS)('%s: title heading, cover details, marked header and footer with page X of Y', (kind) => {
    const parts = docs[kind];
    const body = parts['word/document.xml']!;
    expect(headingsOf(body, 1)).toContain(DOCUMENT_TITLES[kind] === 'Assessment report' ? 'Executive summary' : DOCUMENT_TITLES[kind]);
    expect(textOf(body)).toContain(snapshot.organization.name);
    expect(textOf(body)).toContain(escapeXml(snapshot.assessment.name));
    const headers = partsNamed(parts, /^word\/header\d+\.xml$/);
    const footers = partsNamed(parts, /^word\/footer\d+\.xml$/);
    expect(headers.length).toBeGreaterThan(0);
    expect(footers.length).toBe(headers.length);
    for (const name of [...headers, ...footers]) expect(textOf(parts[name]!)).toContain('TLP:AMBER');
    for (const name of headers) expect(textOf(parts[name]!)).toContain(DOCUMENT_TITLES[kind]);
    for (const name of footers) {
      expect(parts[name]).toMatch(/<w:instrText[^>]*>PAGE<\/w:instrText>/);
      expect(parts[name]).toMatch(/<w:instrText[^>]*>NUMPAGES<\/w:instrText>/);
      expect(textOf(parts[name]!)).toContain('Page  of ');
    }
  });

  it.each(DOCUMENT_KINDS)('%s: every table cell holds a paragraph, header rows repeat, widths are explicit', (kind) => {
    const body = docs[kind]['word/document.xml']!;
    const cells = body.split('<w:tc>').slice(1);
    expect(cells.length).toBeGreaterThan(0);
    for (const cell of cells) expect(cell.slice(0, cell.indexOf('</w:tc>'))).toContain('<w:p');
    const tables = body.split('<w:tbl>').slice(1);
    expect(tables.length).toBeGreaterThan(0);
    for (const table of tables) {
      expect(/^<w:tblPr><w:tblW w:type="dxa" w:w="\d+"\/>/.test(table)).toBe(true);
      expect(/<w:tblGrid>(<w:gridCol w:w="\d+"\/>)+<\/w:tblGrid>/.test(table)).toBe(true);
      // Record tables repeat their header row; only the short label-and-value tables have none.
      const rows = table.slice(0, table.indexOf('</w:tbl>')).split('<w:tr>').length - 1;
      if (rows > 8) expect(table.indexOf('<w:tblHeader/>')).toBeGreaterThan(-1);
    }
  });

  it.each(DOCUMENT_KINDS)('%s: no control characters, no field Word would ask to update', (kind) => {
    for (const [name, xml] of Object.entries(docs[kind])) expect(CONTROL.test(xml), name).toBe(false);
    expect(/instrText[^>]*>\s*TOC/.test(docs[kind]['word/document.xml']!)).toBe(false);
    expect(docs[kind]['word/settings.xml'] ?? '').not.toContain('updateFields');
  });

  it('the report names every requirement in scope, assessed or not, by ID and title', () => {
    const text = textOf(docs.report['word/document.xml']!);
    for (const r of inScope) expect(text).toContain(`${r.id} ${escapeXml(r.title)}`);
    expect(headingsOf(docs.report['word/document.xml']!, 3)).toHaveLength(inScope.length);
    expect(text).toContain('not assessed');
    expect(text).toContain('not applicable');
  });

  it('the report has its sections, a static contents list and a heading per SPE and element', () => {
    const body = docs.report['word/document.xml']!;
    const h1 = headingsOf(body, 1);
    for (const h of [
      'Document control',
      'Contents',
      'Executive summary',
      'Scope',
      'Method',
      'Statement of applicability',
      'Remediation plan',
      'Evidence register',
      'Change-log attestation',
      'Sign-off',
    ])
      expect(h1).toContain(h);
    for (const s of catalogue.spes) expect(h1).toContain(`${s.id} ${escapeXml(s.title)}`);
    const h2 = headingsOf(body, 2);
    for (const e of catalogue.spes.flatMap((s) => s.elements)) expect(h2).toContain(`${e.id} ${escapeXml(e.title)}`);
    // The contents are links to bookmarks on the headings.
    expect(/<w:hyperlink [^>]*w:anchor="h0001"/.test(body)).toBe(true);
    expect(/<w:bookmarkStart w:name="h0001"/.test(body)).toBe(true);
  });

  it('the report prints the scoring rules, the maturity levels and the key gaps', () => {
    const text = textOf(docs.report['word/document.xml']!);
    expect(text).toContain('Progress is the share of applicable requirements that have been assessed.');
    for (const l of ['ML0', 'ML1', 'ML2', 'ML3', 'ML4']) expect(text).toContain(l);
    for (const g of snapshot.scores.gaps.slice(0, 5)) expect(text).toContain(g.requirementId);
    expect(text).toContain(snapshot.changeLog.headHash);
    expect(text).toContain('Verified');
  });

  it.each(['report', 'register'] as const)('the %s lists every evidence item with its full SHA-256', (kind) => {
    const text = textOf(docs[kind]['word/document.xml']!);
    expect(fileEvidence.length).toBeGreaterThan(0);
    for (const e of fileEvidence) expect(text).toContain(e.sha256);
    for (const e of snapshot.evidence) expect(text).toContain(e.id);
    expect(docs[kind]['word/document.xml']!.includes('w:orient="landscape"')).toBe(true);
  });

  it('the report has a sign-off page with a row per role to sign, not a list of everyone under People', () => {
    const body = docs.report['word/document.xml']!;
    expect(headingsOf(body, 1)).toContain('Sign-off');
    // From the sign-off heading to the next chapter (the criteria appendix may mention sign-offs too).
    const start = body.lastIndexOf('>Sign-off</w:t>');
    const end = body.indexOf('Appendix: Maturity criteria', start);
    const signOff = textOf(body.slice(start, end === -1 ? undefined : end));
    for (const role of ['Preparer', 'Reviewer', 'Approver']) expect(signOff).toContain(role);
    for (const p of snapshot.people) expect(signOff).not.toContain(p.name);
  });

  it('the report embeds native charts: parts, relationships and content types', () => {
    const parts = docs.report;
    const rels = parts['word/_rels/document.xml.rels']!;
    const types = parts['[Content_Types].xml']!;
    const charts = partsNamed(parts, /^word\/charts\/chart\d+\.xml$/);
    expect(charts).toHaveLength(2);
    for (const name of charts) {
      const target = name.replace('word/', '');
      const rel = new RegExp(
        `<Relationship Id="([^"]+)" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart" Target="${target}"/>`,
      ).exec(rels);
      expect(rel, name).not.toBeNull();
      expect(parts['word/document.xml']!.includes(`r:id="${rel![1]}"`)).toBe(true);
      expect(types).toContain(
        `<Override ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml" PartName="/${name}"/>`,
      );
    }
    expect(charts.map((n) => parts[n]).join()).toContain('<c:radarChart>');
    expect(charts.map((n) => parts[n]).join()).toContain('<c:barChart>');
    for (const kind of ['soa', 'plan', 'register'] as const) expect(partsNamed(docs[kind], /^word\/charts\//)).toHaveLength(0);
  });

  it('the statement of applicability lists every requirement in scope with its justification', () => {
    const text = textOf(docs.soa['word/document.xml']!);
    for (const r of inScope) expect(text).toContain(r.id);
    for (const r of snapshot.responses.filter((x) => !x.applicable)) expect(text).toContain(escapeXml(r.justification));
  });

  it('the remediation plan lists every action', () => {
    const text = textOf(docs.plan['word/document.xml']!);
    for (const a of snapshot.actions) expect(text).toContain(escapeXml(a.description));
    expect(text).toContain('(overdue)');
  });
});

describe('document options', () => {
  const flagged = snapshot.responses.find((r) => r.reviewComment)!;
  const narrated = snapshot.responses.find((r) => r.applicable && r.narrative)!;

  it('prints reviewer comments only when asked', async () => {
    const comment = escapeXml(flagged.reviewComment);
    expect(textOf((await unpack(snapshot, 'report'))['word/document.xml']!)).not.toContain(comment);
    expect(textOf((await unpack(snapshot, 'report', { includeReviewerComments: true }))['word/document.xml']!)).toContain(comment);
  });

  it('prints narratives unless turned off', async () => {
    const narrative = escapeXml(narrated.narrative);
    expect(textOf((await unpack(snapshot, 'report'))['word/document.xml']!)).toContain(narrative);
    expect(textOf((await unpack(snapshot, 'report', { includeNarratives: false }))['word/document.xml']!)).not.toContain(narrative);
  });

  it('prints licensed text only when asked and when the snapshot has it', async () => {
    const licensed: WorkbookSnapshot = {
      ...snapshot,
      licensedText: [{ id: 'ORG 1.1', text: 'Licensed wording of ORG 1.1 for the test.', title: 'Official title' }],
    };
    const marker = 'Licensed wording of ORG 1.1 for the test.';
    expect(textOf((await unpack(licensed, 'report'))['word/document.xml']!)).not.toContain(marker);
    expect(textOf((await unpack(licensed, 'report', { includeLicensedText: true }))['word/document.xml']!)).toContain(marker);
    expect(textOf((await unpack(snapshot, 'report', { includeLicensedText: true }))['word/document.xml']!)).not.toContain('Official text');
  });

  it('uses the classification given, else the organization’s', async () => {
    const parts = await unpack(snapshot, 'plan', { classification: 'TLP:RED' });
    for (const name of partsNamed(parts, /^word\/(header|footer)\d+\.xml$/)) {
      expect(textOf(parts[name]!)).toContain('TLP:RED');
      expect(textOf(parts[name]!)).not.toContain('TLP:AMBER');
    }
    // With no marking chosen and none for the organization, no document is built unmarked.
    const unmarked = { ...snapshot, organization: { ...snapshot.organization, classification: '' } };
    expect(() => buildDocument(unmarked, 'plan')).toThrow(/need a classification marking/);
    expect(textOf((await unpack(unmarked, 'plan', { classification: 'TLP:AMBER+STRICT' }))['word/header1.xml']!)).toContain(
      'TLP:AMBER+STRICT',
    );
  });

  it('prints the package hash on the sign-off page when given', async () => {
    const hash = 'ab'.repeat(32);
    expect(textOf((await unpack(snapshot, 'report'))['word/document.xml']!)).not.toContain(hash);
    const body = (await unpack(snapshot, 'report', { packageHash: hash }))['word/document.xml']!;
    const start = body.lastIndexOf('>Sign-off</w:t>');
    expect(textOf(body.slice(start, body.indexOf('Appendix: Maturity criteria', start)))).toContain(hash);
  });

  it('strips control characters from user text and keeps the rest', async () => {
    const dirty: WorkbookSnapshot = {
      ...snapshot,
      organization: { ...snapshot.organization, name: 'North\u0001 Valley\u0007 Water' },
      responses: snapshot.responses.map((r) =>
        r === narrated ? { ...r, narrative: 'Line one\u001b\u0000.\r\nLine two\ttabbed\uFFFF.' } : r,
      ),
      people: [...snapshot.people, { name: 'Esc\u001bape', role: 'Tester\u000b', email: 'x@example.test' }],
    };
    for (const kind of DOCUMENT_KINDS) {
      const parts = await unpack(dirty, kind);
      for (const [name, xml] of Object.entries(parts)) expect(CONTROL.test(xml), `${kind} ${name}`).toBe(false);
      expect(textOf(parts['word/document.xml']!)).toContain('North Valley Water');
    }
    const body = (await unpack(dirty, 'report'))['word/document.xml']!;
    expect(textOf(body)).toContain('Line one.');
    expect(
      /Line one\.<\/w:t><\/w:r><w:r><w:br\/><w:t xml:space="preserve">Line two<\/w:t><w:tab\/><w:t xml:space="preserve">tabbed\.<\/w:t>/.test(
        body,
      ),
    ).toBe(true);
  });
});

describe('documentFileName', () => {
  it('makes a safe, distinct name for each kind', () => {
    const names = DOCUMENT_KINDS.map((k) => documentFileName(snapshot, k));
    expect(names[0]).toBe('2026-CSMS-self-assessment-Riverside-plant-sample_assessment-report.docx');
    expect(new Set(names).size).toBe(4);
    for (const n of names) expect(n).toMatch(/^[A-Za-z0-9-]+_[a-z-]+\.docx$/);
    const odd = { ...snapshot, assessment: { ...snapshot.assessment, name: '../Évaluation: 2026 / "Q1"?*' } };
    expect(documentFileName(odd, 'soa')).toBe('Evaluation-2026-Q1_statement-of-applicability.docx');
    expect(documentFileName({ ...snapshot, assessment: { ...snapshot.assessment, name: '///' } }, 'plan')).toBe(
      'assessment_remediation-plan.docx',
    );
  });
});
