import { readFileSync } from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
import { beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_DIR, loadCatalogueDir, readSourceFile } from '../../src/cli/content';
import { crosswalkCoverage, loadCrosswalk, newIn2024, type Crosswalk } from '../../src/core/catalogue/crosswalk';
import { indexCatalogue, type CatalogueIndex } from '../../src/core/catalogue/lookup';
import type { Requirement } from '../../src/core/catalogue/types';

const reference = (name: string) =>
  Papa.parse<Record<string, string>>(readFileSync(path.resolve(import.meta.dirname, '../fixtures/reference', name), 'utf8'), {
    header: true,
    skipEmptyLines: true,
  }).data;

let ed2024: CatalogueIndex;
let ed2010: CatalogueIndex;
let crosswalk: Crosswalk;

beforeAll(() => {
  ed2024 = indexCatalogue(loadCatalogueDir(path.join(CONTENT_DIR, 'iec-62443-2-1-2024')));
  ed2010 = indexCatalogue(loadCatalogueDir(path.join(CONTENT_DIR, 'iec-62443-2-1-2010')));
  const outcome = loadCrosswalk(readSourceFile(path.join(CONTENT_DIR, 'crosswalk-2010-to-2024.yaml')), ed2010, ed2024);
  if (!outcome.ok) throw new Error(outcome.errors.join('\n'));
  crosswalk = outcome.crosswalk;
});

describe('IEC 62443-2-1:2024 catalogue', () => {
  const rows = reference('iec-62443-2-1-2024-ids.csv');

  it('has 8 SPEs, 16 elements and 87 requirements', () => {
    const { spes } = ed2024.catalogue;
    expect(spes.map((s) => s.id)).toEqual(['ORG', 'CM', 'NET', 'COMP', 'DATA', 'USER', 'EVENT', 'AVAIL']);
    expect(spes.flatMap((s) => s.elements)).toHaveLength(16);
    expect(ed2024.requirements).toHaveLength(87);
  });

  it('matches the reference IDs, titles, status and 62443-3-3 mappings one for one, in order', () => {
    expect(ed2024.requirements.map((r) => r.id)).toEqual(rows.map((r) => r.requirement_id));
    for (const row of rows) {
      const requirement = ed2024.requirement(row.requirement_id!)!;
      expect(requirement.title, row.requirement_id).toBe(row.requirement_title);
      expect(requirement.status, row.requirement_id).toBe(row.id_public_status);
      expect(requirement.elementId).toBe(row.element_id);
      expect(ed2024.element(row.element_id!)!.title).toBe(row.element_title);
      expect(ed2024.spe(row.spe_abbrev!)!.title).toBe(row.spe_title);
      expect(requirement.mappings.iec62443_3_3.join(' '), row.requirement_id).toBe(row.related_62443_3_3_srs);
    }
  });

  it('marks exactly the doubtful titles', () => {
    const doubtful = ed2024.requirements.filter((r) => r.titleDoubtful).map((r) => r.id);
    expect(doubtful).toEqual(['NET 1.7', 'NET 1.8', 'COMP 3.4', 'DATA 1.7', 'USER 1.14', 'USER 1.15', 'USER 1.16']);
  });

  it('gives every requirement own guidance: intent, at least 3 questions and 3 evidence hints, a CSF mapping', () => {
    for (const r of ed2024.requirements) {
      expect(r.intent.length, r.id).toBeGreaterThan(60);
      expect(r.questions.length, r.id).toBeGreaterThanOrEqual(3);
      expect(r.evidence.length, r.id).toBeGreaterThanOrEqual(3);
      expect(r.mappings.nistCsf2.length, r.id).toBeGreaterThanOrEqual(1);
    }
  });

  it('never repeats a sentence of guidance between requirements', () => {
    const texts = ed2024.requirements.flatMap((r: Requirement) => [r.intent, ...r.questions, ...r.evidence]);
    const repeated = texts.filter((t, i) => texts.indexOf(t) !== i);
    expect(repeated).toEqual([]);
  });

  it('says that titles are reference titles, not the standard’s text', () => {
    expect(ed2024.catalogue.notice).toMatch(/not the text of\s+the standard/);
  });
});

describe('IEC 62443-2-1:2010 catalogue', () => {
  const rows = reference('iec-62443-2-1-2010-elements.csv');

  it('has every element of the 2010 edition with its clause and title', () => {
    const elements = rows.filter((r) => r.level === 'element');
    expect(ed2010.requirements.map((r) => [r.id, r.title])).toEqual(elements.map((r) => [r.clause, r.title]));
    for (const group of rows.filter((r) => r.level === 'element_group')) {
      expect(ed2010.element(group.clause!)?.title).toBe(group.title);
    }
    expect(ed2010.catalogue.spes.map((s) => s.clause)).toEqual(['4.2', '4.3', '4.4']);
  });

  it('gives every element own guidance', () => {
    for (const r of ed2010.requirements) {
      expect(r.intent.length, r.id).toBeGreaterThan(60);
      expect(r.questions.length, r.id).toBeGreaterThanOrEqual(3);
    }
  });
});

describe('crosswalk 2010 → 2024', () => {
  it('maps every 2010 element to existing 2024 requirements', () => {
    expect(crosswalk.entries.map((e) => e.from).sort()).toEqual(ed2010.requirements.map((r) => r.id).sort());
    for (const entry of crosswalk.entries) for (const target of entry.to) expect(ed2024.requirement(target), target).toBeDefined();
  });

  it('follows the topic links named in the reference notes', () => {
    const to = (from: string) => crosswalk.entries.find((e) => e.from === from)!.to;
    expect(to('4.3.3.4')).toEqual(expect.arrayContaining(['NET 1.1']));
    expect(to('4.3.4.5')).toEqual(expect.arrayContaining(['EVENT 1.8']));
    expect(to('4.3.2.4')).toEqual(expect.arrayContaining(['ORG 1.4', 'ORG 1.5']));
    expect(to('4.3.3.4')).toEqual(expect.arrayContaining(['NET 2.1', 'NET 2.3']));
    expect(to('4.3.3.6')).toEqual(expect.arrayContaining(['NET 3.1', 'NET 3.3']));
    expect(to('4.3.4.3')).toEqual(expect.arrayContaining(['COMP 2.1']));
    expect(to('4.3.2.5')).toEqual(expect.arrayContaining(['AVAIL 2.2']));
    // Conformance checks are program reviews, not the discovery of technical weaknesses.
    expect(to('4.4.2')).toEqual(['ORG 2.4']);
  });

  it('accounts for every element of both editions: mapped, new in 2024, or without a counterpart for a stated reason', () => {
    const coverage = crosswalkCoverage(crosswalk, ed2010.catalogue, ed2024.catalogue);
    expect(coverage.unlisted).toEqual([]);
    for (const entry of coverage.noCounterpart) expect(entry.reason.trim().length, entry.from).toBeGreaterThan(20);
    const targets = new Set(crosswalk.entries.flatMap((e) => e.to));
    const fresh = new Set(newIn2024(crosswalk, ed2024.catalogue));
    for (const r of ed2024.requirements) expect(targets.has(r.id) !== fresh.has(r.id), r.id).toBe(true);
    // The count of new requirements is what the crosswalk leaves over: 87 less the distinct targets.
    expect(fresh.size).toBe(ed2024.requirements.length - targets.size);
    expect([...fresh]).toEqual(['ORG 2.2', 'NET 1.8', 'NET 1.9', 'COMP 1.2', 'DATA 1.3', 'DATA 1.5', 'DATA 1.6', 'DATA 1.7', 'AVAIL 1.3']);
  });
});
