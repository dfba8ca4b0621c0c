import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { catalogueWithCriteria as withCriteria, catalogueWithoutCriteria, criteriaFor } from '../../../test/fixtures/criteriaCatalogue';
import type { Catalogue } from '../catalogue/types';
import { SCALE_NOTE } from '../records/maturity';
import { sampleSnapshot } from '../snapshot/sampleSnapshot';
import type { WorkbookSnapshot } from '../snapshot/snapshot';
import { buildDocument, packDocument } from './build';
import { CRITERIA_APPENDIX_TITLE, criteriaBySpe, criteriaRows, hasCriteria } from './criteria';
import { plainXml } from '../../../test/fixtures/docxText';

const NOW = new Date('2026-06-15T09:00:00Z');

const requirementOf = (c: Catalogue, id: string) =>
  c.spes.flatMap((s) => s.elements.flatMap((e) => e.requirements)).find((r) => r.id === id)!;

async function reportText(snapshot: WorkbookSnapshot): Promise<{ text: string; h1: string[]; h2: string[] }> {
  const bytes = await packDocument(buildDocument(snapshot, 'report', {}));
  const xml = strFromU8(unzipSync(bytes)['word/document.xml']!);
  const textOf = (part: string) => [...plainXml(part).matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
  const headings = (level: number) =>
    [...xml.matchAll(new RegExp(`<w:p>(?:(?!</w:p>).)*?<w:pStyle w:val="Heading${level}"/>((?:(?!</w:p>).)*)</w:p>`, 'g'))].map((m) =>
      textOf(m[1]!),
    );
  return { text: textOf(xml), h1: headings(1), h2: headings(2) };
}

const xmlText = (s: string) => s.replace(/&/g, '&amp;');

describe('criteria rows', () => {
  it('give ML1 to ML4 in order with the practice and evidence of each, and nothing without levels', () => {
    const catalogue = withCriteria(['ORG 1.1']);
    const rows = criteriaRows(requirementOf(catalogue, 'ORG 1.1'));
    expect(rows.map((r) => r.level)).toEqual(['ML1', 'ML2', 'ML3', 'ML4']);
    expect(rows[2]).toEqual({
      requirementId: 'ORG 1.1',
      requirementTitle: requirementOf(catalogue, 'ORG 1.1').title,
      level: 'ML3',
      practice: criteriaFor('ORG 1.1').ML3.practice,
      evidence: criteriaFor('ORG 1.1').ML3.evidence,
    });
    expect(criteriaRows(requirementOf(catalogue, 'NET 1.1'))).toEqual([]);
  });

  it('are grouped by SPE in catalogue order, leaving out SPEs with no criteria', () => {
    const catalogue = withCriteria(['NET 1.1', 'ORG 1.1', 'ORG 1.2']);
    const groups = criteriaBySpe(catalogue.spes);
    expect(groups.map((g) => g.speId)).toEqual(['ORG', 'NET']);
    expect(groups[0]!.rows.map((r) => `${r.requirementId} ${r.level}`)).toEqual([
      'ORG 1.1 ML1',
      'ORG 1.1 ML2',
      'ORG 1.1 ML3',
      'ORG 1.1 ML4',
      'ORG 1.2 ML1',
      'ORG 1.2 ML2',
      'ORG 1.2 ML3',
      'ORG 1.2 ML4',
    ]);
    expect(hasCriteria([requirementOf(catalogue, 'NET 2.1'), requirementOf(catalogue, 'NET 1.1')])).toBe(true);
    expect(hasCriteria([requirementOf(catalogue, 'NET 2.1')])).toBe(false);
  });
});

describe('the report’s criteria appendix', () => {
  it('lists the four criteria and their evidence for a requirement that has them, and points to it from the method', async () => {
    const { snapshot } = sampleSnapshot(withCriteria(['ORG 1.1']), NOW);
    const { text, h1, h2 } = await reportText(snapshot);
    expect(h1).toContain(CRITERIA_APPENDIX_TITLE);
    expect(h2).toContain(`ORG ${xmlText(snapshot.catalogue.spes[0]!.title)}`);
    const appendix = text.slice(text.lastIndexOf(CRITERIA_APPENDIX_TITLE));
    const criteria = criteriaFor('ORG 1.1');
    for (const level of ['ML1', 'ML2', 'ML3', 'ML4'] as const) {
      expect(appendix).toContain(criteria[level].practice);
      for (const e of criteria[level].evidence) expect(appendix).toContain(xmlText(e));
    }
    // Only requirements with criteria are listed.
    expect(appendix).not.toContain('NET 1.1');
    expect(text).toContain(`is set out in ${CRITERIA_APPENDIX_TITLE} at the end of this report`);
  });

  it('leaves out requirements of SPEs not in scope', async () => {
    const { snapshot } = sampleSnapshot(withCriteria(['ORG 1.1', 'NET 1.1']), NOW);
    const scoped = { ...snapshot, assessment: { ...snapshot.assessment, scope: snapshot.assessment.scope.filter((s) => s !== 'ORG') } };
    const { text } = await reportText(scoped);
    const appendix = text.slice(text.lastIndexOf(CRITERIA_APPENDIX_TITLE));
    expect(appendix).toContain(criteriaFor('NET 1.1').ML2.practice);
    expect(appendix).not.toContain(criteriaFor('ORG 1.1').ML2.practice);
  });

  it('is absent when the catalogue has no criteria, while the ML0 note is printed either way', async () => {
    const { snapshot } = sampleSnapshot(catalogueWithoutCriteria(), NOW);
    const { text, h1 } = await reportText(snapshot);
    expect(h1).not.toContain(CRITERIA_APPENDIX_TITLE);
    expect(text).not.toContain('at the end of this report');
    expect(text).toContain(SCALE_NOTE);
    expect(text).toContain('Not implemented (this app’s addition)');
    expect(text).toContain('ML0 (this app’s addition) for a practice not implemented');
    expect(text).not.toContain('from ML0 to ML4.');
  });
});
