import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { catalogue2024 } from '../../../test/fixtures/catalogues';
import { MARK_WORDING } from '../catalogue/status';
import type { Catalogue, Requirement } from '../catalogue/types';
import { sampleSnapshot } from '../snapshot/sampleSnapshot';
import { buildDocument, DOCUMENT_KINDS, packDocument, type DocumentKind } from './build';
import { plainXml } from '../../../test/fixtures/docxText';

const NOW = new Date('2026-06-15T09:00:00Z');
const catalogue = catalogue2024();

/** The document's body text, runs joined and the XML entities read back. */
async function bodyText(c: Catalogue, kind: DocumentKind): Promise<string> {
  const { snapshot } = sampleSnapshot(c, NOW);
  const xml = strFromU8(unzipSync(await packDocument(buildDocument(snapshot, kind)))['word/document.xml']!);
  return [...plainXml(xml).matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)]
    .map((m) => m[1])
    .join('')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

const requirement = (id: string): Requirement =>
  catalogue.spes.flatMap((s) => s.elements.flatMap((e) => e.requirements)).find((r) => r.id === id)!;

// One requirement for each mark, each carrying that mark alone.
const unconfirmed = requirement('ORG 1.2');
const elementLevel = requirement('COMP 3.1');
const doubtful = requirement('NET 1.7');
const confirmed = requirement('ORG 1.1');

/** The same catalogue with every ID confirmed and every title sure. */
function allConfirmed(): Catalogue {
  const copy = structuredClone(catalogue);
  for (const r of copy.spes.flatMap((s) => s.elements.flatMap((e) => e.requirements)))
    Object.assign(r, { status: 'confirmed', titleDoubtful: false });
  return copy;
}

describe('the catalogue notice and the ID marks in the documents', () => {
  const texts = {} as Record<DocumentKind, string>;
  beforeAll(async () => {
    for (const kind of DOCUMENT_KINDS) texts[kind] = await bodyText(catalogue, kind);
  });

  it('uses requirements that carry exactly the mark they stand for', () => {
    expect([unconfirmed.status, unconfirmed.titleDoubtful]).toEqual(['unconfirmed', false]);
    expect([elementLevel.status, elementLevel.titleDoubtful]).toEqual(['element-level', false]);
    expect([doubtful.status, doubtful.titleDoubtful]).toEqual(['confirmed', true]);
    expect([confirmed.status, confirmed.titleDoubtful]).toEqual(['confirmed', false]);
  });

  it.each(DOCUMENT_KINDS)('%s: says what the requirement IDs and titles are, in the catalogue’s own words', (kind) => {
    expect(texts[kind]).toContain(`About the requirement catalogue: ${catalogue.notice}`);
  });

  it.each(['soa', 'report'] as const)('%s: marks each uncertain ID or title after the title, and leaves confirmed ones bare', (kind) => {
    const text = texts[kind];
    expect(text).toContain(`${unconfirmed.title} (${MARK_WORDING.unconfirmed.label})`);
    expect(text).toContain(`${elementLevel.title} (${MARK_WORDING['element-level'].label})`);
    expect(text).toContain(`${doubtful.title} (${MARK_WORDING['title-doubtful'].label})`);
    expect(text).not.toContain(`${confirmed.title} (`);
    expect(text).toContain(`${MARK_WORDING.unconfirmed.label}: ${MARK_WORDING.unconfirmed.explanation}`);
  });

  it('report: the requirement heading carries the mark and the explanation follows it', () => {
    expect(texts.report).toContain(
      `${unconfirmed.id} ${unconfirmed.title} (${MARK_WORDING.unconfirmed.label})${MARK_WORDING.unconfirmed.explanation}`,
    );
  });

  it('the statement of applicability prints no marks and no key when every ID is confirmed', async () => {
    const text = await bodyText(allConfirmed(), 'soa');
    expect(text).toContain(unconfirmed.title);
    expect(text).not.toContain(`(${MARK_WORDING.unconfirmed.label})`);
    expect(text).not.toContain('Key to the marks');
    expect(text).toContain('About the requirement catalogue:');
  });
});
