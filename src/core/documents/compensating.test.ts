/** The SoA marks a requirement met through a compensating countermeasure; the report prints it; the score ignores it. */
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { catalogue2024 } from '../../../test/fixtures/catalogues';
import { indexCatalogue } from '../catalogue/lookup';
import type { Compensating, Response } from '../records/model';
import { scoreAssessment } from '../scoring/score';
import { sampleSnapshot } from '../snapshot/sampleSnapshot';
import type { WorkbookSnapshot } from '../snapshot/snapshot';
import { buildDocument, packDocument, type DocumentKind } from './build';
import { WITH_COUNTERMEASURE } from './results';
import { plainXml } from '../../../test/fixtures/docxText';

const catalogue = catalogue2024();
const { snapshot } = sampleSnapshot(catalogue, new Date('2026-06-15T09:00:00Z'));

const ENTITIES: Record<string, string> = { '&amp;': '&', '&quot;': '"', '&apos;': "'", '&lt;': '<', '&gt;': '>' };
/** Each paragraph's text on its own line, runs joined and line breaks kept, so a label and its value read together. */
const linesOf = (xml: string) =>
  [...xml.matchAll(/<w:p[ >](?:(?!<\/w:p>).)*<\/w:p>/gs)].map((p) =>
    [...plainXml(p[0]).matchAll(/<w:br\/>|<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)]
      .map((m) => (m[1] === undefined ? '\n' : m[1].replace(/&(amp|quot|apos|lt|gt);/g, (e) => ENTITIES[e]!)))
      .join(''),
  );

async function lines(s: WorkbookSnapshot, kind: DocumentKind): Promise<string[]> {
  const files = unzipSync(await packDocument(buildDocument(s, kind, {})));
  return linesOf(strFromU8(files['word/document.xml']!));
}

const countermeasure: Compensating = {
  measure: 'Engineering workstation reachable only through the jump host',
  reason: 'The 2004 controller has no user accounts',
  residualRisk: 'Someone at the console can still change logic',
  acceptedBy: 'Dana Whitfield',
  acceptedOn: '2026-03-02',
};

const applicable = snapshot.responses.find((r) => r.applicable && r.achievedLevel !== null)!;
const excluded = snapshot.responses.find((r) => !r.applicable)!;

function withCountermeasures(changes: Record<string, Compensating>): WorkbookSnapshot {
  const responses = snapshot.responses.map((r): Response =>
    changes[r.requirementId] ? { ...r, compensating: changes[r.requirementId] } : r,
  );
  return { ...snapshot, responses };
}

/** The cells of the last table row whose first cell is the ID (the SoA's full table comes after its list of exclusions). */
function rowOf(all: string[], id: string, cells: number): string[] {
  const at = all.lastIndexOf(id);
  expect(at).toBeGreaterThan(-1);
  return all.slice(at, at + cells);
}

describe('a compensating countermeasure in the documents', () => {
  it('the SoA marks the requirement, names the measure and explains the marker; a not-applicable answer is not marked', async () => {
    const soa = await lines(
      withCountermeasures({ [applicable.requirementId]: countermeasure, [excluded.requirementId]: countermeasure }),
      'soa',
    );
    const row = rowOf(soa, applicable.requirementId, 6);
    expect(row[2]).toBe(WITH_COUNTERMEASURE);
    expect(row[3]).toContain(`Compensating countermeasure: ${countermeasure.measure}`);
    expect(soa.filter((l) => l === WITH_COUNTERMEASURE)).toHaveLength(1);
    expect(rowOf(soa, excluded.requirementId, 6)[2]).toBe('No');
    expect(soa.some((l) => l.startsWith(`"${WITH_COUNTERMEASURE}" marks a requirement`))).toBe(true);
  });

  it('the SoA without countermeasures reads as before: no marker and no explanation', async () => {
    const soa = await lines(snapshot, 'soa');
    expect(soa.some((l) => l.includes(WITH_COUNTERMEASURE))).toBe(false);
    expect(rowOf(soa, applicable.requirementId, 6)[2]).toBe('Yes');
  });

  it('the report prints the measure, the reason, the residual risk and who accepted it when, under the requirement', async () => {
    const report = await lines(withCountermeasures({ [applicable.requirementId]: countermeasure }), 'report');
    const heading = report.findIndex((l) => l.startsWith(`${applicable.requirementId} `) && l !== applicable.requirementId);
    expect(heading).toBeGreaterThan(-1);
    const detail = report.slice(heading, heading + 12);
    expect(detail).toEqual(
      expect.arrayContaining([
        `Compensating countermeasure: ${countermeasure.measure}`,
        `Why it cannot be met as written: ${countermeasure.reason}`,
        `Residual risk: ${countermeasure.residualRisk}`,
        'Residual risk accepted: by Dana Whitfield on 2026-03-02',
      ]),
    );
  });

  it('the report says what was left blank instead of leaving it out', async () => {
    const partial = { measure: 'Data diode to the office', reason: '', residualRisk: '', acceptedBy: '' };
    const report = await lines(withCountermeasures({ [applicable.requirementId]: partial }), 'report');
    expect(report).toEqual(
      expect.arrayContaining([
        'Compensating countermeasure: Data diode to the office',
        'Why it cannot be met as written: not stated',
        'Residual risk: not stated',
        'Residual risk accepted: not recorded',
      ]),
    );
    const undated = await lines(withCountermeasures({ [applicable.requirementId]: { ...partial, acceptedBy: 'Dana' } }), 'report');
    expect(undated).toContain('Residual risk accepted: by Dana, date not recorded');
  });

  it('the report prints nothing for an opened, empty countermeasure, and its method says countermeasures do not change the score', async () => {
    const empty = { measure: ' ', reason: '', residualRisk: '', acceptedBy: '' };
    const report = await lines(withCountermeasures({ [applicable.requirementId]: empty }), 'report');
    const method = (l: string) => l.includes('scored no differently');
    expect(report.some((l) => l.startsWith('Compensating countermeasure: ') && !method(l))).toBe(false);
    expect(report.some((l) => l.startsWith('Compensating countermeasure') && method(l))).toBe(true);
  });

  it('leaves the scores exactly as they were', () => {
    const index = indexCatalogue(catalogue);
    const slice = { ...snapshot, today: '2026-06-15' };
    const marked = withCountermeasures({ [applicable.requirementId]: countermeasure, [excluded.requirementId]: countermeasure });
    expect(scoreAssessment(index, { ...slice, responses: marked.responses })).toStrictEqual(scoreAssessment(index, slice));
  });
});
