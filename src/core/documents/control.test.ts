/** Document control: every document of one export names itself, its revision, the export and the records it was built from. */
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { catalogue2024 } from '../../../test/fixtures/catalogues';
import { plainXml } from '../../../test/fixtures/docxText';
import { canonicalJson } from '../audit/canonicalJson';
import { sha256Hex } from '../hashing/sha256';
import { sampleSnapshot } from '../snapshot/sampleSnapshot';
import { createSnapshot, type WorkbookSnapshot } from '../snapshot/snapshot';
import { buildDocument, DOCUMENT_KINDS, packDocument, type DocumentKind, type DocumentOptions } from './build';
import { documentReference, exportControl, formatExportId, recordsDigest, REFERENCE_SUFFIX } from './control';

const { snapshot } = sampleSnapshot(catalogue2024(), new Date('2026-06-15T09:00:00Z'));

const textOf = (xml: string) => [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
const rowsOf = (xml: string) =>
  xml
    .split('<w:tr>')
    .slice(1)
    .map((row) =>
      row
        .slice(0, row.indexOf('</w:tr>'))
        .split('<w:tc>')
        .slice(1)
        .map((cell) => textOf(cell))
        .join(' | '),
    );

async function body(s: WorkbookSnapshot, kind: DocumentKind, options: Partial<DocumentOptions> = {}): Promise<string> {
  return plainXml(strFromU8(unzipSync(await packDocument(buildDocument(s, kind, options)))['word/document.xml']!));
}

describe('the records digest', () => {
  it('is the same for the same records, whenever they are printed, and changes when one record changes', () => {
    const digest = recordsDigest(snapshot);
    expect(digest).toMatch(/^[0-9a-f]{64}$/);
    // Exactly the SHA-256 of the canonical JSON of the records, so anyone can recompute it from them.
    const { scores: _s, changeLog: _l, generatedAt: _g, app: _a, lastChange: _c, ...records } = snapshot;
    expect(digest).toBe(sha256Hex(canonicalJson(records)));
    expect(recordsDigest({ ...snapshot, generatedAt: '2030-01-01T00:00:00.000Z' })).toBe(digest);
    const [first, ...rest] = snapshot.responses;
    expect(recordsDigest({ ...snapshot, responses: [{ ...first!, narrative: `${first!.narrative}.` }, ...rest] })).not.toBe(digest);
  });
});

describe('document references and export IDs', () => {
  it('give each kind its own reference on one stem, in plain characters', () => {
    const refs = DOCUMENT_KINDS.map((k) => documentReference(snapshot, k));
    expect(new Set(refs.map((r) => r.slice(0, r.lastIndexOf('-'))))).toHaveLength(1);
    for (const [i, kind] of DOCUMENT_KINDS.entries()) expect(refs[i]!.endsWith(`-${REFERENCE_SUFFIX[kind]}`)).toBe(true);
    for (const r of refs) expect(r).toMatch(/^[A-Z0-9-]+$/);
    // A site named in another script still gets a reference that prints everywhere.
    expect(documentReference({ ...snapshot, site: { ...snapshot.site, name: '東京工場' } }, 'report')).toMatch(
      /^SITE-\d{4}-[A-Z0-9]+-RPT$/,
    );
  });

  it('format an export ID from random bytes', () => {
    expect(formatExportId(new Uint8Array([0, 1, 0xab, 0xcd, 0xef, 9]))).toBe('EXP-0001ABCDEF');
    expect(() => formatExportId(new Uint8Array(4))).toThrow();
  });
});

describe('every document of one export', { timeout: 60_000 }, () => {
  const control = { ...exportControl(snapshot), revision: 7, exportId: 'EXP-0123456789' };

  it('carries the same export ID, revision and digest, its own reference, and the references of the others', async () => {
    for (const kind of DOCUMENT_KINDS) {
      const text = textOf(await body(snapshot, kind, { control }));
      expect(text, kind).toContain(control.exportId);
      expect(text, kind).toContain(control.digest);
      expect(text, kind).toContain(documentReference(snapshot, kind));
      expect(text, kind).toContain('Revision 7');
      for (const other of DOCUMENT_KINDS) expect(text, `${kind} names ${other}`).toContain(documentReference(snapshot, other));
    }
  });

  it('shares one derived export ID and digest when the caller gives none', async () => {
    const derived = exportControl(snapshot);
    for (const kind of DOCUMENT_KINDS) {
      const text = textOf(await body(snapshot, kind));
      expect(text).toContain(derived.exportId);
      expect(text).toContain(derived.digest);
    }
  });

  it('gives the statement, the plan and the register a control block and an approval table tied to the report', async () => {
    for (const kind of ['soa', 'plan', 'register'] as const) {
      const xml = await body(snapshot, kind, { control });
      const rows = rowsOf(xml);
      expect(rows).toContain(`Document reference | ${documentReference(snapshot, kind)}`);
      expect(rows).toContain('Revision | 7');
      expect(rows).toContain(`Export ID | ${control.exportId}`);
      expect(rows).toContain('Status | Draft');
      expect(rows).toEqual(
        expect.arrayContaining(['Role | Name | Date | Signature', 'Preparer |  |  | ', 'Reviewer |  |  | ', 'Approver |  |  | ']),
      );
      expect(textOf(xml)).toContain(`with the assessment report ${documentReference(snapshot, 'report')} of the same export`);
    }
  });

  it('fills the approval table from a recorded sign-off, and only with the people who signed', async () => {
    const [first, second] = snapshot.people;
    const signed: WorkbookSnapshot = {
      ...snapshot,
      assessment: {
        ...snapshot.assessment,
        status: 'signed-off',
        signOff: {
          by: second!.name,
          role: 'Approver',
          at: '2026-07-01',
          note: '',
          signatories: [
            { role: 'preparer', personId: 'p1', name: first!.name },
            { role: 'approver', personId: 'p2', name: second!.name },
          ],
        },
      },
    };
    const rows = rowsOf(await body(signed, 'soa', { control }));
    expect(rows).toEqual(
      expect.arrayContaining([
        `Preparer | ${first!.name} | 2026-07-01 | `,
        'Reviewer |  |  | ',
        `Approver | ${second!.name} | 2026-07-01 | `,
      ]),
    );
    expect(rows).toContain('Status | Final (signed off)');
  });

  it('lists this revision in the report’s history and says the earlier ones are in earlier exports', async () => {
    const text = textOf(await body(snapshot, 'report', { control }));
    expect(text).toContain('This is revision 7; earlier revisions are in earlier exports');
    expect(
      rowsOf(await body(snapshot, 'report', { control })).some((r) => r.startsWith('7 | 2026-06-15 | Exported from the workbook.')),
    ).toBe(true);
  });
});

describe('records checks in document control', { timeout: 60_000 }, () => {
  it('say what the records hold that no figure counts, instead of dropping it, and nothing when all adds up', async () => {
    expect(textOf(await body(snapshot, 'plan'))).not.toContain('Records checks');
    const dropped = snapshot.assessment.scope.at(-1)!;
    const scope = snapshot.assessment.scope.slice(0, -1);
    const inDropped = (id: string) =>
      snapshot.catalogue.spes.find((s) => s.id === dropped)!.elements.some((e) => e.requirements.some((r) => r.id === id));
    const s = createSnapshot({
      ...snapshot,
      assessment: { ...snapshot.assessment, scope },
      chain: { ok: false, seq: 0, reason: 'none', count: 0 },
      damagedEvidence: [snapshot.evidence[0]!.id],
    });
    const actions = snapshot.actions.filter((a) => inDropped(a.requirementId)).length;
    const links = snapshot.links.filter((l) => inDropped(l.requirementId)).length;
    expect(actions).toBeGreaterThan(0);
    for (const kind of DOCUMENT_KINDS) {
      const text = textOf(await body(s, kind));
      expect(text, kind).toContain('Records checks');
      expect(text, kind).toContain(
        `${actions} action${actions === 1 ? '' : 's'} on requirements outside the scope: listed, not counted in any figure.`,
      );
      if (links)
        expect(text, kind).toContain(`${links} evidence link${links === 1 ? '' : 's'} to requirements outside the scope: not counted.`);
      expect(text, kind).toContain(`The files of ${snapshot.evidence[0]!.id} were missing or changed when checked`);
    }
  });
});
